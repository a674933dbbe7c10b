using Pulya.Routing;

namespace Pulya.Http;

/// <summary>
/// A stage of the pipeline after routing and before the matched route's own middleware and body: it runs for every
/// request that reaches routing, matched or not (<see cref="PulyaRequest.Route"/> is then null), and the rest of the
/// pipeline writes the response <em>inside</em> it, through the request's features as they are when it runs (so a stage
/// that wraps the response body, e.g. compression, sees every byte). The rest is: for a matched route, its group and
/// route middleware, the body, binding, filters, handler and writer; for no match, the 404 or 405 answer. A stage that
/// answers by itself simply does not call it, and Pulya writes nothing more. Composed once at start-up with the frozen
/// route table (<see cref="Compose"/>); an application without one runs none of this. The ASP.NET Core bridge
/// (<c>Pulya.AspNetCore</c>) is one. Application middleware (<see cref="IPulyaMiddleware"/> added to the application) sees
/// results before they are written, so with routed middleware it runs inside it, around the route stage.
/// </summary>
public interface IRoutedMiddleware
{
    /// <summary>Composes the stage once, at start-up, around <paramref name="next"/>.</summary>
    /// <param name="routes">The route table, frozen: every route's <see cref="RouteEntry.Order"/> and metadata are final.</param>
    /// <param name="next">The rest of the pipeline: writes the response for the request it is given (pass the same instance on).</param>
    /// <returns>What runs per request; it completes when the response is written.</returns>
    Func<PulyaRequest, Task> Compose(RouteTable routes, Func<PulyaRequest, Task> next);
}
