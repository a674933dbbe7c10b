using System.Net;
using System.Text;
using Pulya.Http;
using Pulya.Testing;
using static Pulya.Tests.TestApp;

namespace Pulya.Tests.Middleware;

public sealed class EndpointFilterTests
{
    [Theory]
    [MemberData(nameof(TestTransports.Data), MemberType = typeof(TestTransports))]
    public async Task A_filter_sees_the_bound_arguments_and_can_change_them(TestTransport transport)
    {
        var seen = new List<object?>();
        await using var client = await StartAsync(transport, app => app
            .MapPost("/add/{a:int}", (int a, int b, [Body] Numbers numbers, PulyaRequest request) => a + b + numbers.Values.Sum())
            .AddEndpointFilter((context, next) =>
            {
                seen.AddRange(context.Arguments.Take(3));
                Assert.Same(context.Request, context.Arguments[3]);
                context.Arguments[0] = (int)context.Arguments[0]! * 100;
                return next(context);
            }));

        using var response = await client.Client.PostAsync(Path("/add/2?b=3"), Json("{\"values\":[4,5]}"));

        Assert.Equal("212", await response.Content.ReadAsStringAsync());
        Assert.Equal(2, seen[0]);
        Assert.Equal(3, seen[1]);
        Assert.Equal([4, 5], ((Numbers)seen[2]!).Values);
    }

    [Theory]
    [MemberData(nameof(TestTransports.Data), MemberType = typeof(TestTransports))]
    public async Task A_filter_can_answer_without_calling_the_handler_or_replace_its_result(TestTransport transport)
    {
        var called = 0;
        await using var client = await StartAsync(transport, app =>
        {
            app.MapGet("/items/{id:int}", (int id) =>
            {
                called++;
                return new { id };
            }).AddEndpointFilter((context, next) => (int)context.Arguments[0]! > 100 ? new ValueTask<object?>(Response.Status(403)) : next(context));
            app.MapGet("/wrapped", () => "inner").AddEndpointFilter(async (context, next) => Response.Text($"[{await next(context)}]", 202));
        });

        using var forbidden = await client.Client.GetAsync(Path("/items/101"));
        using var wrapped = await client.Client.GetAsync(Path("/wrapped"));

        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal("{\"id\":5}", await client.Client.GetStringAsync(Path("/items/5")));
        Assert.Equal(1, called);
        Assert.Equal(HttpStatusCode.Accepted, wrapped.StatusCode);
        Assert.Equal("[inner]", await wrapped.Content.ReadAsStringAsync());
    }

    [Theory]
    [MemberData(nameof(TestTransports.Data), MemberType = typeof(TestTransports))]
    public async Task Filters_run_outer_group_first_then_inner_group_then_route_each_in_the_order_added(TestTransport transport)
    {
        var order = new List<string>();
        await using var client = await StartAsync(transport, app =>
        {
            app.Use(Middleware(order, "app middleware"));
            var outer = app.MapGroup("/outer");
            var inner = outer.MapGroup("/inner");
            inner.MapGet("/", () =>
            {
                order.Add("handler");
                return "x";
            }).AddEndpointFilter(new RecordingFilter(order, "route 1")).AddEndpointFilter(new RecordingFilter(order, "route 2"));
            // Added after the route was mapped: a group's filters and middleware apply whenever they were added.
            inner.AddEndpointFilter(new RecordingFilter(order, "inner"));
            outer.AddEndpointFilter(new RecordingFilter(order, "outer 1")).AddEndpointFilter(new RecordingFilter(order, "outer 2"));
            outer.Use(Middleware(order, "outer middleware"));
        });

        await client.Client.GetStringAsync(Path("/outer/inner"));

        Assert.Equal(["app middleware", "outer middleware", "outer 1", "outer 2", "inner", "route 1", "route 2", "handler"], order);
    }

    [Theory]
    [MemberData(nameof(TestTransports.Data), MemberType = typeof(TestTransports))]
    public async Task Binding_errors_come_before_filters_and_filter_failures_are_500(TestTransport transport)
    {
        var filtered = 0;
        await using var client = await StartAsync(transport, app =>
        {
            var group = app.MapGroup("/g").AddEndpointFilter((context, next) =>
            {
                filtered++;
                return next(context);
            });
            group.MapGet("/page", (int page) => page);
            group.MapGet("/throws", () => "x").AddEndpointFilter((_, _) => throw new InvalidOperationException("filter bug"));
            group.MapGet("/wrong-type/{id:int}", (int id) => id).AddEndpointFilter((context, next) =>
            {
                context.Arguments[0] = "not an int";
                return next(context);
            });
        });

        using var badQuery = await client.Client.GetAsync(Path("/g/page?page=x"));
        using var throws = await client.Client.GetAsync(Path("/g/throws"));
        using var wrongType = await client.Client.GetAsync(Path("/g/wrong-type/1"));

        Assert.Equal(HttpStatusCode.BadRequest, badQuery.StatusCode);
        Assert.Contains("page", await badQuery.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.InternalServerError, throws.StatusCode);
        Assert.Equal(HttpStatusCode.InternalServerError, wrongType.StatusCode);
        Assert.Equal("{\"error\":\"Internal server error.\"}", await wrongType.Content.ReadAsStringAsync());
        Assert.Equal(2, filtered);
    }

    [Theory]
    [MemberData(nameof(TestTransports.Data), MemberType = typeof(TestTransports))]
    public async Task A_route_without_filters_is_not_affected_by_its_neighbours_filters(TestTransport transport)
    {
        await using var client = await StartAsync(transport, app => app
            .MapGet("/plain", (int n) => n)
            .MapGet("/filtered", (int n) => n).AddEndpointFilter((context, next) =>
            {
                context.Arguments[0] = -1;
                return next(context);
            }));

        Assert.Equal("7", await client.Client.GetStringAsync(Path("/plain?n=7")));
        Assert.Equal("-1", await client.Client.GetStringAsync(Path("/filtered?n=7")));
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static Func<PulyaRequest, PulyaRequestDelegate, ValueTask<object?>> Middleware(List<string> order, string name) => (request, next) =>
    {
        order.Add(name);
        return next(request);
    };

    public sealed record Numbers(int[] Values);

    private sealed class RecordingFilter(List<string> order, string name) : IEndpointFilter
    {
        public ValueTask<object?> InvokeAsync(EndpointFilterContext context, EndpointFilterDelegate next)
        {
            order.Add(name);
            return next(context);
        }
    }
}
