using System.Net;
using Pulya.Routing;
using Pulya.Sample;
using Pulya.Testing;

namespace Pulya.Tests.Routing;

/// <summary>One routing behaviour whatever the router, the route cache and the server: precedence, not registration order.</summary>
public sealed class RoutingOverHttpTests
{
    private static readonly string[][] Routers =
    [
        ["--Pulya:Router=Linear"],
        ["--Pulya:Router=Linear", "--Pulya:RouteCache:Enabled=true"],
        ["--Pulya:Router=Trie"],
        ["--Pulya:Router=Trie", "--Pulya:RouteCache:Enabled=true"],
    ];

    public static TheoryData<TestTransport, int> Cases()
    {
        var data = new TheoryData<TestTransport, int>();
        foreach (var transport in TestTransports.All)
        {
            for (var router = 0; router < Routers.Length; router++)
            {
                data.Add(transport, router);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_literal_route_mapped_after_a_parameter_sibling_still_answers_its_path(TestTransport transport, int router)
    {
        await using var client = await TestApp.StartAsync(
            transport,
            app => app
                .MapGet("/items/{id}", (string id) => "item " + id)
                .MapGet("/items/new", () => "new form")
                .MapGet("/files/{*rest}", (string rest) => "rest " + rest)
                .MapGet("/files", () => "index")
                .MapGet("/n/{a:int}/{*rest}", (int a, string rest) => "int " + a)
                .MapGet("/n/{b:long}", (long b) => "long " + b),
            SampleApp.ConfigureServices,
            Routers[router]);

        Assert.Equal("new form", await client.Client.GetStringAsync(TestApp.Path("/items/new")));
        Assert.Equal("item 7", await client.Client.GetStringAsync(TestApp.Path("/items/7")));
        Assert.Equal("index", await client.Client.GetStringAsync(TestApp.Path("/files")));
        Assert.Equal("rest a/b", await client.Client.GetStringAsync(TestApp.Path("/files/a/b")));
        Assert.Equal("long 7", await client.Client.GetStringAsync(TestApp.Path("/n/7")));
        Assert.Equal("int 7", await client.Client.GetStringAsync(TestApp.Path("/n/7/x")));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Two_routes_of_one_method_and_shape_stop_the_start_naming_both(TestTransport transport, int router)
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => TestApp.StartAsync(
            transport,
            app => app.MapGet("/u/{id}", (string id) => id).MapGet("/u/{name}", (string name) => name),
            SampleApp.ConfigureServices,
            Routers[router]));

        var conflict = error as RouteConflictException ?? Assert.IsType<RouteConflictException>(error.InnerException);
        Assert.Contains("'GET /u/{id}' and 'GET /u/{name}'", conflict.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Head_and_405_follow_the_same_rule(TestTransport transport, int router)
    {
        await using var client = await TestApp.StartAsync(
            transport,
            app => app.MapGet("/p/{id}", (string id) => id).MapPost("/p/new", () => "created"),
            SampleApp.ConfigureServices,
            Routers[router]);

        using var put = await client.Client.PutAsync(TestApp.Path("/p/new"), null);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, put.StatusCode);
        Assert.Equal("GET, HEAD, POST", string.Join(", ", put.Content.Headers.Allow));
        Assert.Equal("new", await client.Client.GetStringAsync(TestApp.Path("/p/new")));
    }
}
