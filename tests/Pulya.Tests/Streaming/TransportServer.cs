using Microsoft.Extensions.Logging;
using Pulya.Hosting;
using Pulya.Testing;

namespace Pulya.Tests.Streaming;

/// <summary>The server a streaming test runs on.</summary>
public enum TestTransport
{
    TestServer,
    Kestrel,
}

/// <summary>Starts an application on TestServer or on Kestrel at 127.0.0.1:0, with a client for it.</summary>
internal sealed class TransportServer : IAsyncDisposable
{
    private readonly PulyaTestClient? _test;
    private readonly PulyaApplication? _app;

    private TransportServer(PulyaTestClient? test, PulyaApplication? app, HttpClient client)
    {
        _test = test;
        _app = app;
        Client = client;
    }

    public static IEnumerable<object[]> Transports => [[TestTransport.TestServer], [TestTransport.Kestrel]];

    public HttpClient Client { get; }

    /// <summary>Kestrel's address, or null on TestServer.</summary>
    public Uri? BaseAddress => _app is null ? null : Client.BaseAddress;

    public static async Task<TransportServer> StartAsync(TestTransport transport, Action<PulyaApplication> map, Action<PulyaApplicationBuilder>? configure = null, params string[] args)
    {
        if (transport == TestTransport.TestServer)
        {
            var test = await TestApp.StartAsync(map, configure, args);
            return new TransportServer(test, null, test.Client);
        }

        var builder = PulyaApplication.CreateBuilder([.. args, "--urls", "http://127.0.0.1:0"]);
        builder.Logging.ClearProviders();
        configure?.Invoke(builder);
        var app = builder.Build();
        map(app);
        await app.StartAsync();
        return new TransportServer(null, app, new HttpClient { BaseAddress = new Uri(app.Urls.Single()) });
    }

    public async ValueTask DisposeAsync()
    {
        if (_test is not null)
        {
            await _test.DisposeAsync();
            return;
        }

        Client.Dispose();
        await _app!.StopAsync();
        await _app.DisposeAsync();
    }
}
