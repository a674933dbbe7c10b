using Pulya.Http;

namespace Pulya.Pipeline;

/// <summary>The middleware an application added, handed to the pipeline at start-up to be composed once.</summary>
/// <param name="application">Application middleware, outermost first.</param>
/// <param name="groups">Per endpoint (by reference), the middleware of its groups, outermost first; only endpoints that have any.</param>
internal sealed class PipelineMiddleware(IReadOnlyList<IPulyaMiddleware> application, IReadOnlyDictionary<object, IPulyaMiddleware[]> groups)
{
    public IReadOnlyList<IPulyaMiddleware> Application { get; } = application;

    public IReadOnlyDictionary<object, IPulyaMiddleware[]> Groups { get; } = groups;
}
