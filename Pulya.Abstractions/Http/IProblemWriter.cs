namespace Pulya.Http;

/// <summary>
/// Writes the application's Problem Details instead of Pulya's pre-encoded ones (<c>Pulya:Errors=ProblemDetails</c>): every
/// error of the error table (400, 404, 405, 406, 413, 415, 416, 500 and validation's 400), on every route. The pipeline
/// uses the first <see cref="IRoutedMiddleware"/> added to the application that also implements this interface (the
/// ASP.NET Core bridge does when ASP.NET Core's <c>IProblemDetailsService</c> is registered); an application without one
/// keeps Pulya's own writer, with no cost. Not used for Pulya's own <c>{"error":…}</c> shape.
/// </summary>
public interface IProblemWriter
{
    /// <summary>
    /// Writes <paramref name="problem"/> as the response body. The status is set and the response has not started; the
    /// writer sets the content type. Returns false, writing nothing, to decline (e.g. the client does not accept JSON):
    /// then Pulya writes its own Problem Details. A writer that fails or declines after the response started gets the
    /// connection aborted, never half a body.
    /// </summary>
    /// <param name="request">The request being answered.</param>
    /// <param name="problem">The problem, with the members Pulya would write.</param>
    /// <returns>True when the response was written.</returns>
    ValueTask<bool> TryWriteAsync(PulyaRequest request, PulyaProblem problem);
}
