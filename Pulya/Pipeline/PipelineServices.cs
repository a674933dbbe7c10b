using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Pulya.Http;
using Pulya.Routing;
using Pulya.Serialization;

namespace Pulya.Pipeline;

/// <summary>What the pipeline needs on every request, resolved once at start-up.</summary>
internal sealed class PipelineServices(
    PulyaOptions options,
    IServiceScopeFactory scopeFactory,
    ILoggerFactory loggerFactory,
    IRouter router,
    SerializerSelector serializers,
    long maxRequestBodySize,
    IProblemWriter? problems = null)
{
    public PulyaOptions Options { get; } = options;

    /// <summary>The shape error responses take, from <see cref="PulyaOptions.Errors"/>.</summary>
    public ErrorShape Errors { get; } = ErrorShape.For(options.Errors, problems);

    public IServiceScopeFactory ScopeFactory { get; } = scopeFactory;

    public ILogger HeaderLogger { get; } = loggerFactory.CreateLogger("Pulya.Headers");

    public ILogger Logger { get; } = loggerFactory.CreateLogger("Pulya.Requests");

    public IRouter Router { get; } = router;

    public int MaxParameterCount => Router.Table.MaxParameterCount;

    public SerializerSelector Serializers { get; } = serializers;

    /// <summary>
    /// The request body limit in force: the stricter of <see cref="PulyaOptions.MaxRequestBodySize"/> and the server's
    /// own, and never more than an array holds.
    /// </summary>
    public long MaxRequestBodySize { get; } = Math.Min(maxRequestBodySize, Array.MaxLength - 1);
}
