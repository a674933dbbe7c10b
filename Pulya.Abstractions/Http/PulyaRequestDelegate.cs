namespace Pulya.Http;

/// <summary>
/// The rest of the pipeline as middleware sees it: given the request, it produces the result to write, in the shape a
/// handler returns one (null for no content, a <see cref="Response"/>, a string, bytes, or a value to serialize).
/// Errors of the error table (404, 405, 400, 413, 415, 500...) arrive as <see cref="Response"/> results, not exceptions.
/// </summary>
/// <param name="request">The request the middleware received: pass that same instance on.</param>
/// <returns>The result to write.</returns>
public delegate ValueTask<object?> PulyaRequestDelegate(PulyaRequest request);
