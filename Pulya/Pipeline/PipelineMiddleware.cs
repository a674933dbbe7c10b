using Pulya.Http;
using Pulya.Routing;

namespace Pulya.Pipeline;

/// <summary>The middleware an application added, handed to the pipeline at start-up to be composed once.</summary>
/// <param name="application">Application middleware, outermost first.</param>
/// <param name="routes">
/// Per route entry (by reference), the middleware of its groups and then its own, outermost first; only entries that have any.
/// </param>
/// <param name="routed">Routed middleware (after routing, writing through), outermost first.</param>
internal sealed class PipelineMiddleware(
    IReadOnlyList<IPulyaMiddleware> application, IReadOnlyDictionary<RouteEntry, IPulyaMiddleware[]> routes, IReadOnlyList<IRoutedMiddleware> routed)
{
    public IReadOnlyList<IPulyaMiddleware> Application { get; } = application;

    public IReadOnlyDictionary<RouteEntry, IPulyaMiddleware[]> Routes { get; } = routes;

    public IReadOnlyList<IRoutedMiddleware> Routed { get; } = routed;
}
