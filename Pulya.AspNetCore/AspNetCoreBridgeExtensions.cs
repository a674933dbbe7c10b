using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Pulya.Http;

namespace Pulya.AspNetCore;

/// <summary>Runs ASP.NET Core middleware on a Pulya application (the bridge).</summary>
public static class AspNetCoreBridgeExtensions
{
    /// <summary>
    /// Runs the ASP.NET Core middleware <paramref name="configure"/> adds, on every request, after Pulya's routing and before
    /// the matched route's group and route middleware, body, binding and handler:
    /// <c>app.UseAspNetCore(web =&gt; { web.UseAuthentication(); web.UseAuthorization(); web.UseRateLimiter(); })</c>, with the
    /// services registered the ASP.NET Core way on the builder's <c>Services</c> (<c>AddAuthentication()</c>,
    /// <c>AddAuthorization()</c>, <c>AddRateLimiter()</c>…). The middleware sees one <c>HttpContext</c> per request, over the
    /// request's own features, whose endpoint is the matched route (its metadata: <c>RequireAuthorization</c>,
    /// <c>AllowAnonymous</c>, <c>RequireRateLimiting</c>, <c>CacheOutput</c>, <c>WithMetadata</c>…) and which has no endpoint
    /// when no route matched: then Pulya's 404 or 405 comes only if the middleware lets the request through (static files
    /// and WebSockets can answer it). Middleware that answers by itself (401, 403, 429, a cached response, a file) ends the
    /// request: Pulya writes nothing more. Pulya writes its response through the body the middleware installed (compression,
    /// output caching). Costs an <c>HttpContext</c> per request (none once request contexts are pooled: a pooled context keeps
    /// its own for the next request), plus what the middleware does; a route marked
    /// <see cref="AspNetCoreEndpointExtensions.SkipAspNetCore{TBuilder}"/> skips it all. Pulya's application middleware
    /// (<c>app.Use</c>) and route group middleware run inside it, so they see results before they are written. With
    /// <c>Pulya:Errors=ProblemDetails</c> and ASP.NET Core's problem details service registered
    /// (<c>builder.Services.AddProblemDetails(…)</c>, before <c>Build()</c>), every Pulya error (404, 405, 400 with validation's
    /// <c>errors</c>, 406, 413, 415, 500…) is written through <see cref="IProblemDetailsService"/>, so
    /// <c>CustomizeProblemDetails</c> and custom <c>IProblemDetailsWriter</c>s apply; when the service declines (the client
    /// accepts no JSON), Pulya writes its own.
    /// </summary>
    /// <param name="app">The application.</param>
    /// <param name="configure">Adds the ASP.NET Core middleware, in order; run once, at start-up.</param>
    /// <returns><paramref name="app"/>, for chaining.</returns>
    public static TBuilder UseAspNetCore<TBuilder>(this TBuilder app, Action<IApplicationBuilder> configure)
        where TBuilder : IRoutedMiddlewareBuilder
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(configure);
        var bridge = new AspNetCoreBridge(app.Services, configure);
        app.UseRouted(app.Services.GetService<IProblemDetailsService>() is { } problems ? new ProblemDetailsBridge(bridge, problems) : bridge);
        return app;
    }
}
