using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Pulya.Hosting;
using Pulya.Testing;
using Pulya.Tests.Shared.Http;

namespace Pulya.Testing.Tests;

public sealed class PulyaTestClientTests
{
    [Theory]
    [MemberData(nameof(TestTransports.Data), MemberType = typeof(TestTransports))]
    public async Task Serves_mapped_routes_on_every_transport(TestTransport transport)
    {
        await using var client = await PulyaTestClient.StartAsync(transport, app => app.MapGet("/hello/{name}", (string name) => "hi " + name));

        var text = await client.Client.GetStringAsync(new Uri("/hello/ann", UriKind.Relative));

        Assert.Equal("hi ann", text);
        Assert.Equal(transport, client.Transport);
    }

    [Fact]
    public async Task Without_a_transport_the_application_runs_in_memory()
    {
        await using var client = await PulyaTestClient.StartAsync(app => app.MapGet("/", () => "root"));

        Assert.Equal(TestTransport.TestServer, client.Transport);
        Assert.Null(client.BaseAddress);
        Assert.Equal("root", await client.Client.GetStringAsync(new Uri("/", UriKind.Relative)));
    }

    [Fact]
    public async Task Kestrel_listens_on_a_free_loopback_port_and_answers_over_a_socket()
    {
        await using var client = await PulyaTestClient.StartAsync(TestTransport.Kestrel, app => app.MapGet("/", () => "socket"));

        var address = client.BaseAddress!;
        Assert.Equal("127.0.0.1", address.Host);
        Assert.NotEqual(0, address.Port);
        Assert.Equal(address, client.Client.BaseAddress);
        var raw = await SendRawAsync(address.Port, "GET / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        Assert.StartsWith("HTTP/1.1 200", raw, StringComparison.Ordinal);
        Assert.EndsWith("socket", raw, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Kestrel_ignores_configured_endpoints_and_urls_so_tests_never_bind_a_fixed_port()
    {
        await using var client = await PulyaTestClient.StartAsync(
            TestTransport.Kestrel,
            app => app.MapGet("/", () => "free port"),
            null,
            "--Kestrel:Endpoints:Main:Url=http://127.0.0.1:1", "--urls=http://127.0.0.1:2");

        Assert.NotEqual(1, client.BaseAddress!.Port);
        Assert.NotEqual(2, client.BaseAddress.Port);
        Assert.Equal([client.BaseAddress.ToString().TrimEnd('/')], client.Application.Urls);
        Assert.Equal("free port", await client.Client.GetStringAsync(new Uri("/", UriKind.Relative)));
    }

    [Theory]
    [MemberData(nameof(TestTransports.Data), MemberType = typeof(TestTransports))]
    public async Task Runs_startup_and_shutdown_hooks_once_each(TestTransport transport)
    {
        var events = new List<string>();
        var client = await PulyaTestClient.StartAsync(transport, app => app
            .OnStartup(_ => { events.Add("start"); return Task.CompletedTask; })
            .OnShutdown(_ => { events.Add("stop"); return Task.CompletedTask; }));
        Assert.Equal(["start"], events);

        await client.DisposeAsync();

        Assert.Equal(["start", "stop"], events);
    }

    [Theory]
    [MemberData(nameof(TestTransports.Data), MemberType = typeof(TestTransports))]
    public async Task Applies_builder_configuration_and_arguments(TestTransport transport)
    {
        await using var client = await PulyaTestClient.StartAsync(
            transport,
            app => app.MapPost("/echo", ([Body] string[] body) => body.Length),
            builder => builder.Services.AddSingleton(new Marker()),
            "--Pulya:MaxRequestBodySize=8");

        using var response = await client.Client.PostAsync(new Uri("/echo", UriKind.Relative), new StringContent("[\"0123456789\"]"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.NotNull(client.Application.Services.GetService(typeof(Marker)));
    }

    [Theory]
    [MemberData(nameof(TestTransports.Data), MemberType = typeof(TestTransports))]
    public async Task Creates_additional_clients_for_the_same_application(TestTransport transport)
    {
        await using var client = await PulyaTestClient.StartAsync(transport, app => app.MapGet("/", () => "root"));
        using var second = client.CreateClient();

        Assert.NotSame(client.Client, second);
        Assert.Equal("root", await second.GetStringAsync(new Uri("/", UriKind.Relative)));
    }

    [Theory]
    [MemberData(nameof(TestTransports.Data), MemberType = typeof(TestTransports))]
    public async Task Starts_an_application_built_for_a_transport(TestTransport transport)
    {
        var builder = PulyaApplication.CreateBuilder().UseTestTransport(transport);
        var app = builder.Build();
        app.MapGet("/", () => "built");

        await using var client = await PulyaTestClient.StartAsync(app);

        Assert.Equal(transport, client.Transport);
        Assert.Equal("built", await client.Client.GetStringAsync(new Uri("/", UriKind.Relative)));
    }

    [Fact]
    public async Task Refuses_an_application_on_another_server()
    {
        var builder = PulyaApplication.CreateBuilder();
        builder.Services.AddSingleton<IServer, OtherServer>();
        await using var app = builder.Build();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => PulyaTestClient.StartAsync(app));

        Assert.Contains("OtherServer", error.Message, StringComparison.Ordinal);
        Assert.Contains("UseTestTransport", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_an_undefined_transport()
    {
        var builder = PulyaApplication.CreateBuilder();

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => builder.UseTestTransport((TestTransport)7));

        Assert.Equal("transport", error.ParamName);
    }

    [Fact]
    public void Transports_lists_each_server_once_as_rows_for_data_driven_tests()
    {
        Assert.Equal([TestTransport.TestServer, TestTransport.Kestrel], TestTransports.All);
        Assert.Equal(TestTransports.All, TestTransports.Data.Select(row => (TestTransport)Assert.Single(row)));
    }

    private static async Task<string> SendRawAsync(int port, string request) => (await RawHttpClient.SendAsync(port, request)).Text;

    private sealed class Marker;

    private sealed class OtherServer : IServer
    {
        public IFeatureCollection Features { get; } = new FeatureCollection();

        public Task StartAsync<TContext>(IHttpApplication<TContext> application, CancellationToken cancellationToken)
            where TContext : notnull => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public void Dispose()
        {
        }
    }
}
