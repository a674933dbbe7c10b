using Microsoft.Extensions.DependencyInjection;
using System.Net;
using Pulya.Hosting;
using Pulya.Testing;

namespace Pulya.Testing.Tests;

public sealed class PulyaTestClientTests
{
    [Fact]
    public async Task Serves_mapped_routes_in_process()
    {
        await using var client = await PulyaTestClient.StartAsync(app => app.MapGet("/hello/{name}", (string name) => "hi " + name));

        var text = await client.Client.GetStringAsync(new Uri("/hello/ann", UriKind.Relative));

        Assert.Equal("hi ann", text);
    }

    [Fact]
    public async Task Runs_startup_and_shutdown_hooks_once_each()
    {
        var events = new List<string>();
        var client = await PulyaTestClient.StartAsync(app => app
            .OnStartup(_ => { events.Add("start"); return Task.CompletedTask; })
            .OnShutdown(_ => { events.Add("stop"); return Task.CompletedTask; }));
        Assert.Equal(["start"], events);

        await client.DisposeAsync();

        Assert.Equal(["start", "stop"], events);
    }

    [Fact]
    public async Task Applies_builder_configuration_and_arguments()
    {
        await using var client = await PulyaTestClient.StartAsync(
            app => app.MapPost("/echo", ([Body] string[] body) => body.Length),
            builder => builder.Services.AddSingleton(new Marker()),
            "--Pulya:MaxRequestBodySize=8");

        using var response = await client.Client.PostAsync(new Uri("/echo", UriKind.Relative), new StringContent("[\"0123456789\"]"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.NotNull(client.Application.Services.GetService(typeof(Marker)));
    }

    [Fact]
    public async Task Creates_additional_clients_for_the_same_application()
    {
        await using var client = await PulyaTestClient.StartAsync(app => app.MapGet("/", () => "root"));
        using var second = client.CreateClient();

        Assert.Equal("root", await second.GetStringAsync(new Uri("/", UriKind.Relative)));
    }

    [Fact]
    public async Task Refuses_an_application_without_the_test_server()
    {
        await using var app = PulyaApplication.CreateBuilder().Build();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => PulyaTestClient.StartAsync(app));

        Assert.Contains("UseTestServer", error.Message, StringComparison.Ordinal);
    }

    private sealed class Marker;
}
