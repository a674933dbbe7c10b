using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Pulya.Hosting;

namespace Pulya.Testing;

/// <summary>
/// Runs a Pulya application in-process, without sockets, and gives an <see cref="HttpClient"/> to call it.
/// The application starts as in production (options validated, start-up hooks run); disposing the client stops it
/// (shut-down hooks run).
/// </summary>
/// <example>
/// <code>
/// await using var client = await PulyaTestClient.StartAsync(app => app.MapGet("/", () => "hi"));
/// var text = await client.Client.GetStringAsync("/");
/// </code>
/// </example>
public sealed class PulyaTestClient : IAsyncDisposable
{
    private readonly TestServer _server;

    private PulyaTestClient(PulyaApplication application, TestServer server)
    {
        Application = application;
        _server = server;
        Client = server.CreateClient();
    }

    /// <summary>The running application.</summary>
    public PulyaApplication Application { get; }

    /// <summary>A client whose requests go straight into the application.</summary>
    public HttpClient Client { get; }

    /// <summary>Builds an application with <see cref="PulyaTestServerExtensions.UseTestServer"/>, maps it with <paramref name="configure"/> and starts it.</summary>
    /// <param name="configure">Maps routes and hooks on the built application.</param>
    /// <param name="configureBuilder">Registers services and modules before the application is built; optional.</param>
    /// <param name="args">Command-line style configuration, e.g. <c>--Pulya:Router=Trie</c>.</param>
    public static Task<PulyaTestClient> StartAsync(Action<PulyaApplication> configure, Action<PulyaApplicationBuilder>? configureBuilder = null, params string[] args)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var builder = PulyaApplication.CreateBuilder(args).UseTestServer();
        configureBuilder?.Invoke(builder);
        var application = builder.Build();
        configure(application);
        return StartAsync(application);
    }

    /// <summary>Starts an application built with <see cref="PulyaTestServerExtensions.UseTestServer"/>.</summary>
    /// <exception cref="InvalidOperationException">The application's server is not the test server.</exception>
    public static async Task<PulyaTestClient> StartAsync(PulyaApplication application, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(application);
        if (application.Services.GetRequiredService<IServer>() is not TestServer server)
        {
            throw new InvalidOperationException("The application does not use the test server: call UseTestServer() on its builder.");
        }

        await application.StartAsync(cancellationToken);
        return new PulyaTestClient(application, server);
    }

    /// <summary>Creates another client for the same application.</summary>
    public HttpClient CreateClient() => _server.CreateClient();

    /// <summary>Stops the application (shut-down hooks run) and releases it.</summary>
    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Application.StopAsync();
        await Application.DisposeAsync();
    }
}
