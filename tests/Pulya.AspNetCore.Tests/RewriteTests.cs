using System.Net;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Pulya.Http;
using Pulya.Testing;

namespace Pulya.AspNetCore.Tests;

/// <summary>
/// Pulya routes before the ASP.NET Core pipeline runs, as <c>UseRouting()</c> placed first would: middleware that changes
/// the request's path or method inside <c>UseAspNetCore</c> does not re-route it. The route served, its route values, and
/// the 404/405 answered are those of the match the middleware saw, so authorization checks the endpoint that runs — with and
/// without Pulya's own application middleware inside.
/// </summary>
public sealed class RewriteTests
{
    public static IEnumerable<object[]> TransportsAndMiddleware =>
        from transport in TestTransports.All
        from pulyaMiddleware in new[] { false, true }
        select new object[] { transport, pulyaMiddleware };

    [Theory]
    [MemberData(nameof(TransportsAndMiddleware))]
    public async Task A_path_rewritten_to_a_protected_route_serves_the_route_that_was_authorized(TestTransport transport, bool pulyaMiddleware)
    {
        await using var client = await StartAsync(transport, pulyaMiddleware);

        using var response = await client.Client.GetAsync("/public/42?to=/admin/7");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // The anonymous route's handler ran, with the route value of the path it was matched on, seeing the new path.
        Assert.Equal("public 42 at /admin/7", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [MemberData(nameof(TransportsAndMiddleware))]
    public async Task The_protected_route_itself_still_requires_its_policy(TestTransport transport, bool pulyaMiddleware)
    {
        await using var client = await StartAsync(transport, pulyaMiddleware);

        using var response = await client.Client.GetAsync("/admin/7");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(TransportsAndMiddleware))]
    public async Task An_unmatched_path_rewritten_to_a_route_is_still_not_found(TestTransport transport, bool pulyaMiddleware)
    {
        await using var client = await StartAsync(transport, pulyaMiddleware);

        using var response = await client.Client.GetAsync("/nowhere?to=/admin/7");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("""{"error":"Not found."}""", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [MemberData(nameof(TransportsAndMiddleware))]
    public async Task A_method_changed_after_a_405_is_still_not_allowed(TestTransport transport, bool pulyaMiddleware)
    {
        await using var client = await StartAsync(transport, pulyaMiddleware);

        using var request = new HttpRequestMessage(HttpMethod.Post, "/admin/7");
        request.Headers.Add("X-Method", "GET");
        using var response = await client.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(["GET", "HEAD"], response.Content.Headers.Allow);
    }

    [Theory]
    [MemberData(nameof(TransportsAndMiddleware))]
    public async Task A_request_that_is_not_rewritten_is_served_as_usual(TestTransport transport, bool pulyaMiddleware)
    {
        await using var client = await StartAsync(transport, pulyaMiddleware);

        using var response = await client.Client.GetAsync("/public/5");

        Assert.Equal("public 5 at /public/5", await response.Content.ReadAsStringAsync());
    }

    /// <summary>
    /// An application whose ASP.NET Core pipeline rewrites the path to <c>?to=</c> and the method to <c>X-Method</c> before
    /// authentication and authorization run; <c>/admin/{id}</c> requires an authenticated user (there is none).
    /// </summary>
    private static Task<PulyaTestClient> StartAsync(TestTransport transport, bool pulyaMiddleware) =>
        BridgeApp.StartAsync(
            transport,
            app =>
            {
                app.UseAspNetCore(web =>
                {
                    web.Use((HttpContext http, RequestDelegate next) =>
                    {
                        if (http.Request.Query["to"] is [{ } to])
                        {
                            http.Request.Path = to;
                        }

                        if (http.Request.Headers["X-Method"] is [{ } method])
                        {
                            http.Request.Method = method;
                        }

                        return next(http);
                    });
                    web.UseAuthentication();
                    web.UseAuthorization();
                });
                if (pulyaMiddleware)
                {
                    app.Use((request, next) => next(request));
                }

                app.MapGet("/public/{id:int}", (int id, PulyaRequest request) => $"public {id} at {request.Path}");
                app.MapGet("/admin/{id:int}", (int id) => $"admin {id}").RequireAuthorization();
            },
            builder =>
            {
                builder.Services.AddAuthentication("Test").AddScheme<AuthenticationSchemeOptions, NoUserHandler>("Test", _ => { });
                builder.Services.AddAuthorization();
            });

    /// <summary>An authentication scheme that never finds a user: challenges answer 401.</summary>
    private sealed class NoUserHandler(
        Microsoft.Extensions.Options.IOptionsMonitor<AuthenticationSchemeOptions> options,
        Microsoft.Extensions.Logging.ILoggerFactory logger,
        System.Text.Encodings.Web.UrlEncoder encoder) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        protected override Task<AuthenticateResult> HandleAuthenticateAsync() => Task.FromResult(AuthenticateResult.NoResult());
    }
}
