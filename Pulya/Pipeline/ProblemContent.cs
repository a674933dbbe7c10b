using Microsoft.AspNetCore.Http.Features;
using Pulya.Http;

namespace Pulya.Pipeline;

/// <summary>
/// An error result (seen by middleware) that the application's <see cref="IProblemWriter"/> writes; Pulya's own Problem
/// Details (<paramref name="fallback"/>) when it declines.
/// </summary>
internal sealed class ProblemContent(IProblemWriter writer, PulyaProblem problem, byte[] fallback) : IResponseContent
{
    public string? ContentType => ErrorShape.ProblemContentType;

    public async Task WriteAsync(PulyaRequest request, IHttpResponseBodyFeature body, CancellationToken cancellationToken)
    {
        if (!await writer.TryWriteAsync(request, problem))
        {
            Declined(request);
            request.Features.GetRequiredFeature<IHttpResponseFeature>().Headers.ContentLength = fallback.Length;
            await body.Writer.WriteAsync(fallback, cancellationToken);
        }
    }

    /// <summary>A writer that declined must have written nothing: past the start, Pulya's bytes would follow its own (aborted instead).</summary>
    public static void Declined(PulyaRequest request)
    {
        if (request.Features.GetRequiredFeature<IHttpResponseFeature>().HasStarted)
        {
            throw new InvalidOperationException($"The {nameof(IProblemWriter)} declined the problem after the response had started.");
        }
    }
}
