using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Pulya.Binding;
using Pulya.DependencyInjection;
using Pulya.Hosting;
using Pulya.Http;
using Pulya.Testing;
using static Pulya.Tests.TestApp;

namespace Pulya.Tests.Middleware;

public sealed class RouteGroupTests
{
    [Theory]
    [MemberData(nameof(TestTransports.Data), MemberType = typeof(TestTransports))]
    public async Task Group_routes_are_mapped_under_the_prefix_and_groups_nest(TestTransport transport)
    {
        await using var client = await StartAsync(transport, app =>
        {
            var api = app.MapGroup("/api/");
            api.MapGet("/", () => "api root");
            api.MapGet("/items/{id:int}", (int id) => $"item {id}").MapPost("items", () => "posted");
            var v2 = api.MapGroup("/v2");
            v2.MapGet("/items", () => "v2 items");
            app.MapGroup("/users/{user}").MapGet("/posts", (string user) => $"posts of {user}");
            app.MapGroup("/").MapGet("/top", () => "top");
            Assert.Equal("/api/v2", v2.Prefix);
        });

        Assert.Equal("api root", await client.Client.GetStringAsync(Path("/api")));
        Assert.Equal("item 3", await client.Client.GetStringAsync(Path("/api/items/3")));
        Assert.Equal("posted", await (await client.Client.PostAsync(Path("/api/items"), null)).Content.ReadAsStringAsync());
        Assert.Equal("v2 items", await client.Client.GetStringAsync(Path("/api/v2/items")));
        Assert.Equal("posts of ada", await client.Client.GetStringAsync(Path("/users/ada/posts")));
        Assert.Equal("top", await client.Client.GetStringAsync(Path("/top")));
        Assert.Equal(HttpStatusCode.NotFound, (await client.Client.GetAsync(Path("/items/3"))).StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestTransports.Data), MemberType = typeof(TestTransports))]
    public async Task Chained_maps_stay_on_the_application_or_group_they_started_on(TestTransport transport)
    {
        await using var client = await StartAsync(transport, app => app
            .MapGroup("/g").MapGet("/a", () => "ga").MapGet("/b", () => "gb").MapGroup("/inner").MapGet("/c", () => "gic"));

        Assert.Equal("ga", await client.Client.GetStringAsync(Path("/g/a")));
        Assert.Equal("gb", await client.Client.GetStringAsync(Path("/g/b")));
        Assert.Equal("gic", await client.Client.GetStringAsync(Path("/g/inner/c")));
    }

    [Fact]
    public void A_prefix_must_start_with_a_slash()
    {
        var app = PulyaApplication.CreateBuilder().Build();

        var error = Assert.Throws<ArgumentException>(() => app.MapGroup("api"));

        Assert.Contains("'api'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestTransports.Data), MemberType = typeof(TestTransports))]
    public async Task Group_middleware_runs_only_for_routes_of_the_group_inside_application_middleware(TestTransport transport)
    {
        var order = new List<string>();
        await using var client = await StartAsync(transport, app =>
        {
            app.Use(Recording(order, "app"));
            var outer = app.MapGroup("/outer").Use(Recording(order, "outer"));
            outer.MapGet("/x", () =>
            {
                order.Add("handler");
                return "x";
            });
            outer.MapGroup("/inner").Use(Recording(order, "inner 1")).Use(Recording(order, "inner 2")).MapGet("/y", () => "y");
            app.MapGet("/plain", () => "plain");
        });

        await client.Client.GetStringAsync(Path("/outer/x"));
        Assert.Equal(["app", "outer", "handler"], order);
        order.Clear();
        await client.Client.GetStringAsync(Path("/outer/inner/y"));
        Assert.Equal(["app", "outer", "inner 1", "inner 2"], order);
        order.Clear();
        await client.Client.GetStringAsync(Path("/plain"));
        Assert.Equal(HttpStatusCode.NotFound, (await client.Client.GetAsync(Path("/outer/missing"))).StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await client.Client.DeleteAsync(Path("/outer/x"))).StatusCode);
        Assert.Equal(["app", "app", "app"], order);
    }

    [Theory]
    [MemberData(nameof(TestTransports.Data), MemberType = typeof(TestTransports))]
    public async Task Group_middleware_runs_before_the_body_is_read_and_sees_its_errors_as_results(TestTransport transport)
    {
        var statuses = new List<int>();
        await using var client = await StartAsync(transport, app =>
        {
            var secured = app.MapGroup("/secured").Use(async (request, next) =>
            {
                if (!request.Headers.Contains("X-Key"))
                {
                    return Response.Status(401);
                }

                var response = Response.From(await next(request));
                statuses.Add(response.StatusCode);
                return response;
            });
            secured.MapPost("/numbers", ([Body] int[] numbers) => numbers.Sum());
            secured.MapGet("/boom", string () => throw new InvalidOperationException("x"));
        });

        using var anonymous = await client.Client.PostAsync(Path("/secured/numbers"), new StringContent("not json", null, "application/json"));
        client.Client.DefaultRequestHeaders.Add("X-Key", "1");
        using var malformed = await client.Client.PostAsync(Path("/secured/numbers"), new StringContent("not json", null, "application/json"));
        using var sum = await client.Client.PostAsync(Path("/secured/numbers"), new StringContent("[1,2]", null, "application/json"));
        using var boom = await client.Client.GetAsync(Path("/secured/boom"));

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal("3", await sum.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.InternalServerError, boom.StatusCode);
        Assert.Equal([400, 200, 500], statuses);
    }

    [Theory]
    [MemberData(nameof(TestTransports.Data), MemberType = typeof(TestTransports))]
    public async Task Group_middleware_works_without_application_middleware_and_a_get_route_answers_head_through_it(TestTransport transport)
    {
        var seen = 0;
        await using var client = await StartAsync(transport, app =>
        {
            app.MapGroup("/g").Use((request, next) =>
            {
                seen++;
                return next(request);
            }).MapGet("/", () => "g");
            app.MapGet("/", () => "root");
        });

        using var head = await client.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, Path("/g")));
        Assert.Equal("root", await client.Client.GetStringAsync(Path("/")));

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(1, seen);
    }

    [Theory]
    [MemberData(nameof(TestTransports.Data), MemberType = typeof(TestTransports))]
    public async Task Groups_and_routes_cannot_change_after_the_start(TestTransport transport)
    {
        RouteGroup group = null!;
        RouteHandlerBuilder route = null!;
        await using var client = await StartAsync(transport, app =>
        {
            group = app.MapGroup("/g");
            route = group.MapGet("/", () => "x");
        });

        Assert.Throws<InvalidOperationException>(() => group.Use((request, next) => next(request)));
        Assert.Throws<InvalidOperationException>(() => group.AddEndpointFilter((context, next) => next(context)));
        Assert.Throws<InvalidOperationException>(() => route.AddEndpointFilter((context, next) => next(context)));
        Assert.Same(client.Application.Services, group.Services);
        Assert.Same(client.Application.Services, route.Services);
    }

    [Theory]
    [MemberData(nameof(TestTransports.Data), MemberType = typeof(TestTransports))]
    public async Task Group_middleware_follows_the_route_even_when_routes_share_one_binding(TestTransport transport)
    {
        // A binder may hand the same binding to several routes (a generated binding for a call site in a loop).
        await using var client = await StartAsync(
            transport,
            app =>
            {
                foreach (var name in new[] { "a", "b" })
                {
                    app.MapGroup("/" + name).Use(async (request, next) => Response.From(await next(request)).WithHeader("X-Group", name)).MapGet("/x", () => "handler");
                }
            },
            builder => builder.Pulya.AddBinder<SharedBindingBinder>("Shared"),
            "--Pulya:Binder=Shared");

        using var a = await client.Client.GetAsync(Path("/a/x"));
        using var b = await client.Client.GetAsync(Path("/b/x"));

        Assert.Equal("shared", await a.Content.ReadAsStringAsync());
        Assert.Equal("a", a.Headers.GetValues("X-Group").Single());
        Assert.Equal("b", b.Headers.GetValues("X-Group").Single());
    }

    private static Func<PulyaRequest, PulyaRequestDelegate, ValueTask<object?>> Recording(List<string> order, string name) => (request, next) =>
    {
        order.Add(name);
        return next(request);
    };

    private sealed class SharedBindingBinder : IEndpointBinder
    {
        private static readonly EndpointBinding Shared = new(
            null, false, typeof(string), _ => new ValueTask<object?>("shared"), _ => [], (_, _) => new ValueTask<object?>("shared"));

        public EndpointBinding Bind(EndpointDefinition endpoint) => Shared;
    }
}
