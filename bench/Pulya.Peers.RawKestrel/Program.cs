using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pulya.Peers.RawKestrel;

// Kestrel + a hand-written IHttpApplication: the ceiling the frameworks are measured against.
// Arguments: --urls http://127.0.0.1:PORT [--Sample:GitHubRoutes=true]
var configuration = new ConfigurationBuilder().AddCommandLine(args).Build();
var url = configuration["urls"] ?? "http://127.0.0.1:5000";
var gitHub = string.Equals(configuration["Sample:GitHubRoutes"], "true", StringComparison.OrdinalIgnoreCase);

using var services = new ServiceCollection().AddLogging(l => l.AddConsole().SetMinimumLevel(LogLevel.Warning)).BuildServiceProvider();
var loggerFactory = services.GetRequiredService<ILoggerFactory>();
var kestrelOptions = new KestrelServerOptions { AddServerHeader = false, ApplicationServices = services };
using var server = new KestrelServer(
    Options.Create(kestrelOptions),
    new SocketTransportFactory(Options.Create(new SocketTransportOptions()), loggerFactory),
    loggerFactory);
server.Features.Get<IServerAddressesFeature>()!.Addresses.Add(url);

RawApplication application = gitHub
    ? new GitHubApplication(Path.Combine(AppContext.BaseDirectory, "routes", "github.routes"))
    : new SampleApplication();

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};
AppDomain.CurrentDomain.ProcessExit += (_, _) => stop.Cancel();

await server.StartAsync(application, CancellationToken.None);
Console.WriteLine($"Now listening on: {url}");
try
{
    await Task.Delay(Timeout.Infinite, stop.Token);
}
catch (OperationCanceledException)
{
    // Ctrl+C or SIGTERM: fall through to a graceful stop.
}

await server.StopAsync(CancellationToken.None);
