using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Pulya.Http;
using Pulya.Testing;
using static Pulya.AspNetCore.Tests.BridgeApp;

namespace Pulya.AspNetCore.Tests;

public sealed class PipelineTests
{
    [Theory]
    [MemberData(nameof(TestTransports.Data), MemberType = typeof(TestTransports))]
    public async Task Middleware_sees_the_matched_route_as_the_endpoint_with_its_metadata_and_route_values(TestTransport transport)
    {
        await using var client = await StartAsync(transport, app =>
        {
            app.UseAspNetCore(web => web.Use(async (http, next) =>
            {
                var endpoint = http.GetEndpoint();
                http.Response.Headers["X-Endpoint"] = endpoint?.DisplayName ?? "none";
                http.Response.Headers["X-Tag"] = endpoint?.Metadata.GetMetadata<Marker>()?.Name ?? "none";
                http.Response.Headers["X-Id"] = http.GetRouteValue("id") as string ?? "none";
                http.Response.Headers["X-Values"] = http.Request.RouteValues.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
                await next(http);
            }));
            app.MapGroup("/users").WithMetadata(new Marker("group")).MapGet("/{id:int}", (int id) => $"user {id}");
            app.MapGet("/plain", () => "plain");
        });

        using var user = await client.Client.GetAsync("/users/7");
        using var plain = await client.Client.GetAsync("/plain");
        using var missing = await client.Client.GetAsync("/nowhere");

        Assert.Equal("user 7", await user.Content.ReadAsStringAsync());
        Assert.Equal("HTTP: GET /users/{id:int}", user.Headers.GetValues("X-Endpoint").Single());
        Assert.Equal("group", user.Headers.GetValues("X-Tag").Single());
        Assert.Equal("7", user.Headers.GetValues("X-Id").Single());
        Assert.Equal("1", user.Headers.GetValues("X-Values").Single());
        Assert.Equal("HTTP: GET /plain", plain.Headers.GetValues("X-Endpoint").Single());
        Assert.Equal("none", plain.Headers.GetValues("X-Tag").Single());
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("none", missing.Headers.GetValues("X-Endpoint").Single());
        Assert.Equal("{\"error\":\"Not found.\"}", await missing.Content.ReadAsStringAsync());
    }

    [Theory]
    [MemberData(nameof(TestTransports.Data), MemberType = typeof(TestTransports))]
    public async Task Without_the_bridge_a_handlers_HttpContext_has_the_route_values_and_no_endpoint(TestTransport transport)
    {
        await using var client = await StartAsync(transport, app =>
            app.MapGet("/users/{id:int}", (HttpContext http) => $"{http.GetRouteValue("id")} {http.Request.RouteValues.Count} {http.GetEndpoint()?.DisplayName ?? "none"}"));

        Assert.Equal("7 1 none", await client.Client.GetStringAsync("/users/7"));
    }

    [Theory]
    [MemberData(nameof(TestTransports.Data), MemberType = typeof(TestTransports))]
    public async Task Unmatched_requests_reach_the_middleware_first_and_Pulya_answers_404_or_405_only_when_it_falls_through(TestTransport transport)
    {
        await using var client = await StartAsync(transport, app =>
        {
            app.UseAspNetCore(web => web.Use(async (http, next) =>
            {
                if (http.Request.Path == "/terminal")
                {
                    await http.Response.WriteAsync("answered by ASP.NET Core");
                    return;
                }

                await next(http);
            }));
            app.MapGet("/items", () => "items");
        });

        using var terminal = await client.Client.GetAsync("/terminal");
        using var notFound = await client.Client.GetAsync("/missing");
        using var notAllowed = await client.Client.DeleteAsync("/items");

        Assert.Equal("answered by ASP.NET Core", await terminal.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, notFound.StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, notAllowed.StatusCode);
        Assert.Equal("GET, HEAD", notAllowed.Content.Headers.Allow.Count == 0 ? string.Join(", ", notAllowed.Headers.GetValues("Allow")) : string.Join(", ", notAllowed.Content.Headers.Allow));
    }

    [Theory]
    [MemberData(nameof(TestTransports.Data), MemberType = typeof(TestTransports))]
    public async Task The_order_is_bridge_then_group_middleware_then_body_binding_filters_and_handler(TestTransport transport)
    {
        var order = new List<string>();
        await using var client = await StartAsync(transport, app =>
        {
            app.UseAspNetCore(web => web.Use(async (http, next) =>
            {
                order.Add("aspnetcore");
                await next(http);
                order.Add("aspnetcore after");
            }));
            app.MapGroup("/g")
                .Use(async (request, next) =>
                {
                    order.Add("group");
                    return await next(request);
                })
                .AddEndpointFilter(async (context, next) =>
                {
                    order.Add("filter");
                    return await next(context);
                })
                .MapPost("/echo", ([Body] string[] words) =>
                {
                    order.Add("handler");
                    return string.Join(' ', words);
                });
        });

        using var response = await client.Client.PostAsync("/g/echo", new StringContent("[\"a\",\"b\"]", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal("a b", await response.Content.ReadAsStringAsync());
        Assert.Equal(["aspnetcore", "group", "filter", "handler", "aspnetcore after"], order);
    }

    [Theory]
    [MemberData(nameof(TestTransports.Data), MemberType = typeof(TestTransports))]
    public async Task One_HttpContext_shares_items_services_and_the_request_with_Pulya(TestTransport transport)
    {
        await using var client = await StartAsync(transport, app =>
        {
            app.UseAspNetCore(web => web.Use((HttpContext http, RequestDelegate next) =>
            {
                http.Items["from"] = "aspnetcore";
                http.Request.RouteValues = new RouteValueDictionary { ["set"] = "by middleware" };
                return next(http);
            }));
            app.MapGet("/shared", (PulyaRequest request, HttpContext http) =>
                $"{request.Items["from"]} {http.GetRouteValue("set")} {ReferenceEquals(http, request.HttpContext)} {ReferenceEquals(http.RequestServices, request.Services)} "
                + $"{ReferenceEquals(http.Features.Get<PulyaRequest>(), request)} {http.RequestAborted == request.RequestAborted}");
        });

        Assert.Equal("aspnetcore by middleware True True True True", await client.Client.GetStringAsync("/shared"));
    }

    [Theory]
    [MemberData(nameof(TestTransports.Data), MemberType = typeof(TestTransports))]
    public async Task An_exception_in_ASP_NET_Core_middleware_is_Pulyas_500(TestTransport transport)
    {
        await using var client = await StartAsync(transport, app =>
        {
            app.UseAspNetCore(web => web.Use(async (HttpContext http, RequestDelegate next) =>
            {
                await Task.Yield();
                throw new InvalidOperationException("broken middleware");
            }));
            app.MapGet("/", () => "unreachable");
        });

        using var response = await client.Client.GetAsync("/");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("{\"error\":\"Internal server error.\"}", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [MemberData(nameof(TestTransports.Data), MemberType = typeof(TestTransports))]
    public async Task A_route_marked_SkipAspNetCore_runs_no_ASP_NET_Core_middleware(TestTransport transport)
    {
        var seen = new List<string>();
        await using var client = await StartAsync(transport, app =>
        {
            app.UseAspNetCore(web => web.Use((HttpContext http, RequestDelegate next) =>
            {
                seen.Add(http.Request.Path!);
                return next(http);
            }));
            app.MapGet("/fast", () => "fast").SkipAspNetCore();
            app.MapGet("/full", () => "full");
        });

        Assert.Equal("fast", await client.Client.GetStringAsync("/fast"));
        Assert.Equal("full", await client.Client.GetStringAsync("/full"));
        Assert.Equal(["/full"], seen);
    }

    [Theory]
    [MemberData(nameof(TestTransports.Data), MemberType = typeof(TestTransports))]
    public async Task Pulyas_application_middleware_runs_inside_the_bridge(TestTransport transport)
    {
        var order = new List<string>();
        await using var client = await StartAsync(transport, app =>
        {
            app.Use(async (request, next) =>
            {
                order.Add("pulya");
                return Response.From(await next(request)).WithHeader("X-Pulya", "seen");
            });
            app.UseAspNetCore(web => web.Use(async (HttpContext http, RequestDelegate next) =>
            {
                order.Add("aspnetcore");
                await next(http);
            }));
            app.MapGet("/", () => "hi");
        });

        using var response = await client.Client.GetAsync("/");

        Assert.Equal("hi", await response.Content.ReadAsStringAsync());
        Assert.Equal("seen", response.Headers.GetValues("X-Pulya").Single());
        Assert.Equal(["aspnetcore", "pulya"], order);
    }

    [Theory]
    [MemberData(nameof(TestTransports.Data), MemberType = typeof(TestTransports))]
    public async Task A_route_requiring_authorization_without_the_authorization_middleware_is_refused_not_opened(TestTransport transport)
    {
        var handled = false;
        await using var client = await StartAsync(transport, app =>
        {
            app.UseAspNetCore(_ => { });
            app.MapGet("/secret", () => handled = true).RequireAuthorization().SkipAspNetCore();
        });

        using var response = await client.Client.GetAsync("/secret");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.False(handled);
    }

    private sealed record Marker(string Name);
}
