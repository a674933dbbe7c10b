using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Pulya.Hosting;

namespace Pulya.Testing;

/// <summary>
/// Runs a Pulya application for a test, in memory (<see cref="TestTransport.TestServer"/>) or on real Kestrel at a free
/// loopback port (<see cref="TestTransport.Kestrel"/>), and gives an <see cref="HttpClient"/> to call it. The application
/// starts as in production (options validated, start-up hooks run); disposing the client stops it (shut-down hooks run).
/// </summary>
/// <example>
/// <code>
/// await using var client = await PulyaTestClient.StartAsync(TestTransport.Kestrel, app => app.MapGet("/", () => "hi"));
/// var text = await client.Client.GetStringAsync("/");
/// </code>
/// </example>
public sealed class PulyaTestClient : IAsyncDisposable
{
    private readonly TestServer? _server;

    private PulyaTestClient(PulyaApplication application, TestServer? server, Uri? baseAddress)
    {
        Application = application;
        _server = server;
        Transport = server is null ? TestTransport.Kestrel : TestTransport.TestServer;
        BaseAddress = baseAddress;
        Client = CreateClient();
    }

    /// <summary>The running application.</summary>
    public PulyaApplication Application { get; }

    /// <summary>The server the application runs on.</summary>
    public TestTransport Transport { get; }

    /// <summary>The address Kestrel listens on (<c>http://127.0.0.1:{port}/</c>); null on <see cref="TestTransport.TestServer"/>.</summary>
    public Uri? BaseAddress { get; }

    /// <summary>A client whose requests go to the application; relative URIs resolve against the server.</summary>
    public HttpClient Client { get; }

    /// <summary>Builds an application on <see cref="TestTransport.TestServer"/>, maps it with <paramref name="configure"/> and starts it.</summary>
    /// <param name="configure">Maps routes and hooks on the built application.</param>
    /// <param name="configureBuilder">Registers services and modules before the application is built; optional.</param>
    /// <param name="args">Command-line style configuration, e.g. <c>--Pulya:Router=Trie</c>.</param>
    public static Task<PulyaTestClient> StartAsync(Action<PulyaApplication> configure, Action<PulyaApplicationBuilder>? configureBuilder = null, params string[] args) =>
        StartAsync(TestTransport.TestServer, configure, configureBuilder, args);

    /// <summary>Builds an application on <paramref name="transport"/>, maps it with <paramref name="configure"/> and starts it.</summary>
    /// <param name="transport">The server: in memory, or Kestrel on <see cref="PulyaTestServerExtensions.LoopbackUrl"/>.</param>
    /// <param name="configure">Maps routes and hooks on the built application.</param>
    /// <param name="configureBuilder">Registers services and modules before the application is built; optional.</param>
    /// <param name="args">Command-line style configuration, e.g. <c>--Pulya:Router=Trie</c>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="transport"/> is not a defined value.</exception>
    public static Task<PulyaTestClient> StartAsync(TestTransport transport, Action<PulyaApplication> configure, Action<PulyaApplicationBuilder>? configureBuilder = null, params string[] args)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var builder = PulyaApplication.CreateBuilder(args);
        configureBuilder?.Invoke(builder);
        // After the caller's configuration, so that its configuration sources cannot point Kestrel at a fixed port.
        builder.UseTestTransport(transport);
        var application = builder.Build();
        configure(application);
        return StartAsync(application);
    }

    /// <summary>
    /// Starts an application built with <see cref="PulyaTestServerExtensions.UseTestTransport"/> (or
    /// <see cref="PulyaTestServerExtensions.UseTestServer"/>). A Kestrel application is called at the first address it
    /// listens on.
    /// </summary>
    /// <exception cref="InvalidOperationException">The application's server is neither the test server nor Kestrel.</exception>
    public static async Task<PulyaTestClient> StartAsync(PulyaApplication application, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(application);
        var server = application.Services.GetRequiredService<IServer>();
        // Kestrel is the server that listens on addresses.
        if (server is not TestServer && server.Features.Get<IServerAddressesFeature>() is null)
        {
            throw new InvalidOperationException(
                $"The application's server ({server.GetType().Name}) is neither the test server nor Kestrel: call UseTestTransport() on its builder.");
        }

        await application.StartAsync(cancellationToken);
        return server is TestServer testServer
            ? new PulyaTestClient(application, testServer, null)
            : new PulyaTestClient(application, null, new Uri(application.Urls.First()));
    }

    /// <summary>Creates another client for the same application; the caller disposes it.</summary>
    public HttpClient CreateClient() => _server?.CreateClient() ?? new HttpClient { BaseAddress = BaseAddress };

    /// <summary>Stops the application (shut-down hooks run) and releases it.</summary>
    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Application.StopAsync();
        await Application.DisposeAsync();
    }
}
