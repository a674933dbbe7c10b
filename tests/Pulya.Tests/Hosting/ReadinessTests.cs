using System.Net;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pulya.Hosting;
using Pulya.Testing;

namespace Pulya.Tests.Hosting;

/// <summary>
/// The server serves, and says it is ready, only once every endpoint is bound: with an HTTP and an HTTPS endpoint,
/// Kestrel binds HTTP first and it accepts connections at once; a request arriving then waits until HTTPS is bound and
/// the "started" and "Now listening" lines are written.
/// </summary>
public sealed class ReadinessTests : IDisposable
{
    private readonly TestCertificate _certificate = new();

    public void Dispose() => _certificate.Dispose();

    [Fact]
    public async Task A_request_on_an_endpoint_bound_early_is_served_after_every_endpoint_is_bound_and_logged()
    {
        var logs = new CapturedLogs();
        var transport = new SlowSecondBind();
        var builder = PulyaApplication.CreateBuilder([
            "--Kestrel:Endpoints:A:Url=http://127.0.0.1:0",
            "--Kestrel:Endpoints:B:Url=https://127.0.0.1:0",
            $"--Kestrel:Endpoints:B:Certificate:Path={_certificate.Path}",
            $"--Kestrel:Endpoints:B:Certificate:Password={_certificate.Password}"]);
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(logs);
        builder.Services.AddSingleton<IConnectionListenerFactory>(services => transport.Wrap(
            new SocketTransportFactory(services.GetRequiredService<IOptions<SocketTransportOptions>>(), services.GetRequiredService<ILoggerFactory>())));
        await using var app = builder.Build();
        var seen = new List<(bool AllBound, bool Logged)>();
        app.MapGet("/", () =>
        {
            // What the handler sees when it runs: before, it ran while HTTPS was still being bound.
            lock (seen)
            {
                seen.Add((transport.AllBound, logs.Entries.Any(e => e.Message.StartsWith("Now listening on: https://", StringComparison.Ordinal))));
            }

            transport.Served.TrySetResult();
            return "ok";
        });

        var start = app.StartAsync();
        var httpPort = await transport.FirstBound.Task.WaitAsync(TimeSpan.FromSeconds(30));
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{httpPort}") };
        var early = client.GetStringAsync(new Uri("/", UriKind.Relative));
        await start.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal("ok", await early.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(2, transport.Binds);
        Assert.Equal([(true, true)], seen);
        var lines = logs.Entries.Select(e => e.Message).ToList();
        Assert.True(lines.FindIndex(m => m.StartsWith("Pulya started:", StringComparison.Ordinal)) >= 0);
        Assert.Equal(2, lines.Count(m => m.StartsWith("Now listening on: http", StringComparison.Ordinal)));
        await app.StopAsync();
    }

    [Theory]
    [MemberData(nameof(TestTransports.Data), MemberType = typeof(TestTransports))]
    public async Task Requests_after_the_start_are_served_directly(TestTransport transport)
    {
        await using var server = await PulyaTestClient.StartAsync(transport, app => app.MapGet("/", () => "ready"), builder => builder.Logging.ClearProviders());

        Assert.Equal("ready", await server.Client.GetStringAsync(new Uri("/", UriKind.Relative)));
        Assert.Equal("ready", await server.Client.GetStringAsync(new Uri("/", UriKind.Relative)));
    }

    /// <summary>
    /// The socket transport, with the second bind (the HTTPS endpoint) held back until the first endpoint has a request in
    /// flight: it waits for that request to be served, or for a second, whichever comes first, so that an unheld pipeline
    /// serves it while HTTPS is not yet bound.
    /// </summary>
    private sealed class SlowSecondBind
    {
        private int _binds;
        private volatile bool _allBound;

        public TaskCompletionSource<int> FirstBound { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Served { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource RequestArrived { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public bool AllBound => _allBound;

        public int Binds => Volatile.Read(ref _binds);

        public IConnectionListenerFactory Wrap(IConnectionListenerFactory inner) => new Factory(this, inner);

        private sealed class Factory(SlowSecondBind owner, IConnectionListenerFactory inner) : IConnectionListenerFactory
        {
            public async ValueTask<IConnectionListener> BindAsync(EndPoint endpoint, CancellationToken cancellationToken = default)
            {
                if (Interlocked.Increment(ref owner._binds) == 1)
                {
                    var first = await inner.BindAsync(endpoint, cancellationToken);
                    owner.FirstBound.TrySetResult(((IPEndPoint)first.EndPoint!).Port);
                    return new Listener(owner, first);
                }

                await owner.RequestArrived.Task;
                await Task.WhenAny(owner.Served.Task, Task.Delay(TimeSpan.FromSeconds(1), cancellationToken));
                var second = await inner.BindAsync(endpoint, cancellationToken);
                owner._allBound = true;
                return second;
            }
        }

        /// <summary>The first endpoint's listener, reporting its first accepted connection.</summary>
        private sealed class Listener(SlowSecondBind owner, IConnectionListener inner) : IConnectionListener
        {
            public EndPoint EndPoint => inner.EndPoint;

            public async ValueTask<ConnectionContext?> AcceptAsync(CancellationToken cancellationToken = default)
            {
                var connection = await inner.AcceptAsync(cancellationToken);
                owner.RequestArrived.TrySetResult();
                return connection;
            }

            public ValueTask DisposeAsync() => inner.DisposeAsync();

            public ValueTask UnbindAsync(CancellationToken cancellationToken = default) => inner.UnbindAsync(cancellationToken);
        }
    }
}
