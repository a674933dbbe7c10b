using Pulya.Http;
using Pulya.Routing;

namespace Pulya.Pipeline;

/// <summary>The middleware an application added, handed to the pipeline at start-up to be composed once.</summary>
/// <param name="application">Application middleware, outermost first.</param>
/// <param name="groups">Per route entry (by reference), the middleware of its groups, outermost first; only entries that have any.</param>
internal sealed class PipelineMiddleware(IReadOnlyList<IPulyaMiddleware> application, IReadOnlyDictionary<RouteEntry, IPulyaMiddleware[]> groups)
{
    public IReadOnlyList<IPulyaMiddleware> Application { get; } = application;

    public IReadOnlyDictionary<RouteEntry, IPulyaMiddleware[]> Groups { get; } = groups;
}
