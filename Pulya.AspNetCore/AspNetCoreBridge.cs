using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using Pulya.Http;
using Pulya.Routing;

namespace Pulya.AspNetCore;

/// <summary>
/// Runs an ASP.NET Core middleware pipeline as Pulya's routed middleware: per request, the request's
/// <see cref="HttpContext"/> with the matched route as its endpoint (built once per route at start-up), and Pulya's rest of
/// the pipeline as the pipeline's terminal (and as each endpoint's request delegate).
/// </summary>
internal sealed class AspNetCoreBridge(IServiceProvider services, Action<IApplicationBuilder> configure) : IRoutedMiddleware
{
    public Func<PulyaRequest, Task> Compose(RouteTable routes, Func<PulyaRequest, Task> next)
    {
        RequestDelegate terminal = http => next(RequestOf(http));
        RequestDelegate authorized = http => http.Items.ContainsKey(AuthorizationMiddlewareInvoked)
            ? next(RequestOf(http))
            : throw new InvalidOperationException(
                $"The endpoint {http.GetEndpoint()!.DisplayName} requires authorization, but the ASP.NET Core pipeline did not authorize it: "
                + "add web.UseAuthorization() (after web.UseAuthentication()) in UseAspNetCore.");
        var endpoints = new Endpoint[routes.Routes.Count];
        var skipped = new bool[routes.Routes.Count];
        foreach (var route in routes.Routes)
        {
            var secured = route.Metadata.Any(m => m is IAuthorizeData or AuthorizationPolicy);
            endpoints[route.Order] = CreateEndpoint(route, secured ? authorized : terminal);
            skipped[route.Order] = !secured && route.Metadata.Contains(SkipAspNetCoreMetadata.Instance);
        }

        var builder = new ApplicationBuilder(services, services.GetService<IServer>()?.Features ?? new FeatureCollection());
        configure(builder);
        builder.Run(http => http.GetEndpoint() is { RequestDelegate: { } endpoint } ? endpoint(http) : terminal(http));
        var pipeline = builder.Build();
        return request =>
        {
            if (request.Route is not { } route)
            {
                return pipeline(request.HttpContext);
            }

            if (skipped[route.Order])
            {
                return next(request);
            }

            // The request's HttpContext holds the endpoint (and builds the route values on first use): setting it allocates nothing.
            var http = request.HttpContext;
            http.SetEndpoint(endpoints[route.Order]);
            // The pipeline's end runs the endpoint's delegate, as ASP.NET Core's endpoint middleware does: a route that requires
            // authorization checks that the authorization middleware ran.
            return pipeline(http);
        };
    }

    /// <summary>
    /// The Pulya request of <paramref name="http"/>, a feature of it. Through the indexer, not <c>Get&lt;T&gt;</c>: a generic
    /// interface method is resolved at run time on every call, once per request here.
    /// </summary>
    private static PulyaRequest RequestOf(HttpContext http) =>
        http.Features[typeof(PulyaRequest)] as PulyaRequest ?? http.Features.GetRequiredFeature<PulyaRequest>();

    /// <summary>The key ASP.NET Core's authorization middleware sets in <c>HttpContext.Items</c> when it ran for an endpoint.</summary>
    private const string AuthorizationMiddlewareInvoked = "__AuthorizationMiddlewareWithEndpointInvoked";

    /// <summary>
    /// The route as ASP.NET Core routing would have made it: a <see cref="RouteEndpoint"/> with the route's template as its
    /// pattern, its metadata (as <see cref="RouteEntry.Metadata"/> orders them) and a display name such as <c>HTTP: GET /users/{id}</c>.
    /// </summary>
    private static RouteEndpoint CreateEndpoint(RouteEntry route, RequestDelegate terminal) =>
        new(terminal, RoutePatternFactory.Parse(route.Template.Text), route.Order, new EndpointMetadataCollection(route.Metadata), "HTTP: " + route);
}
