using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Pulya.Routing;
using Pulya.Testing;

namespace ThirdParty.Routing.Tests;

/// <summary><c>AddSegmentRouter()</c> registers the router under its own name and <c>Pulya:Router=Segments</c> selects it, end to end.</summary>
public sealed class SegmentRouterModuleTests
{
    [Theory]
    [MemberData(nameof(TestTransports.Data), MemberType = typeof(TestTransports))]
    public async Task Selected_by_configuration_it_routes_requests_end_to_end(TestTransport transport)
    {
        await using var client = await PulyaTestClient.StartAsync(
            transport,
            app =>
            {
                app.MapGet("/users/{id:int}", (int id) => new { id, kind = "int" });
                app.MapGet("/users/{name}", (string name) => new { name });
                app.MapGet("/users/me", () => new { me = true });
                app.MapPost("/users/{name}", (string name) => new { created = name });
                app.MapGet("/files/{*path}", (string path) => new { path });
            },
            builder => builder.Pulya.AddSegmentRouter().AddSegmentRouter(),
            "--Pulya:Router=Segments");

        Assert.IsType<SegmentRouter>(client.Application.Router);
        Assert.IsType<SegmentRouterFactory>(client.Application.Services.GetRequiredKeyedService<IRouterFactory>(SegmentRouterFactory.Name));
        Assert.Equal("{\"id\":42,\"kind\":\"int\"}", await client.Client.GetStringAsync(new Uri("/users/42", UriKind.Relative)));
        Assert.Equal("{\"name\":\"bob\"}", await client.Client.GetStringAsync(new Uri("/users/bob", UriKind.Relative)));
        Assert.Equal("{\"me\":true}", await client.Client.GetStringAsync(new Uri("/users/me", UriKind.Relative)));
        Assert.Equal("{\"path\":\"a/b.txt\"}", await client.Client.GetStringAsync(new Uri("/files/a/b.txt", UriKind.Relative)));
        using var head = await client.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/users/me"));
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        using var notFound = await client.Client.GetAsync(new Uri("/nothing", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, notFound.StatusCode);
        using var put = await client.Client.PutAsync(new Uri("/users/bob", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, put.StatusCode);
        Assert.Equal("GET, HEAD, POST", string.Join(", ", put.Content.Headers.Allow));
    }

    [Fact]
    public async Task Registered_but_not_selected_the_default_router_stays()
    {
        await using var client = await PulyaTestClient.StartAsync(app => app.MapGet("/", () => "x"), builder => builder.Pulya.AddSegmentRouter());

        Assert.Equal("x", await client.Client.GetStringAsync(new Uri("/", UriKind.Relative)));
        Assert.IsNotType<SegmentRouter>(client.Application.Router);
    }

    [Fact]
    public void Null_arguments_are_refused()
    {
        var router = new SegmentRouter(new RouteTable([]));

        Assert.Throws<ArgumentNullException>(() => SegmentRouterPulyaBuilderExtensions.AddSegmentRouter(null!));
        Assert.Throws<ArgumentNullException>(() => new SegmentRouter(null!));
        Assert.Throws<ArgumentNullException>(() => router.Match(null!, "/", []));
        Assert.Throws<ArgumentNullException>(() => router.Match("GET", null!, []));
    }
}
