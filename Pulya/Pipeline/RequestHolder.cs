using Pulya.Http;

namespace Pulya.Pipeline;

/// <summary>Scoped holder of the current request, so services resolved in the request's scope can take <see cref="PulyaRequest"/>.</summary>
internal sealed class RequestHolder
{
    public PulyaRequest? Request { get; set; }
}
