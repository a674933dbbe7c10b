namespace Pulya.Http;

/// <summary>
/// Runs around the pipeline (application middleware, for every request including 404 and 405) or around the routes of
/// a group (group middleware, after the route matched and before the body is read). It may answer by itself without
/// calling <c>next</c>, and it sees and may replace the result <c>next</c> returns, which is written only after every
/// middleware returned. Middleware is composed once at start-up: an application without any runs none of this code.
/// </summary>
public interface IPulyaMiddleware
{
    /// <summary>Handles <paramref name="request"/>; call <paramref name="next"/> with the same request to continue.</summary>
    /// <param name="request">The request.</param>
    /// <param name="next">The rest of the pipeline.</param>
    /// <returns>The result to write, in the shape a handler returns one.</returns>
    ValueTask<object?> InvokeAsync(PulyaRequest request, PulyaRequestDelegate next);
}
