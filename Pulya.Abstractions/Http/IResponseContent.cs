using Microsoft.AspNetCore.Http.Features;

namespace Pulya.Http;

/// <summary>
/// Content that writes itself: the contract for result types a module defines. Return an instance from a handler, or
/// put it in a <see cref="Response"/>'s <see cref="Response.Content"/>; the core sets the status, the response's
/// headers and the content type (the <see cref="Response"/>'s, else <see cref="ContentType"/>), then calls
/// <see cref="WriteAsync"/>, which writes the body. HEAD requests get the headers only (<see cref="WriteAsync"/> is not
/// called). A failure before the response has started is answered from the error table; after it, the connection is
/// aborted, never half a body presented as whole. Costs one type test in the result writer.
/// </summary>
public interface IResponseContent
{
    /// <summary>The content type used when the <see cref="Response"/> sets none; null sends none.</summary>
    string? ContentType { get; }

    /// <summary>Writes the body.</summary>
    /// <param name="request">The request being answered.</param>
    /// <param name="body">The server's response body (its <see cref="IHttpResponseBodyFeature.Writer"/> or <see cref="IHttpResponseBodyFeature.Stream"/>).</param>
    /// <param name="cancellationToken">Signals that the client went away.</param>
    /// <returns>A task that completes when the body is written.</returns>
    Task WriteAsync(PulyaRequest request, IHttpResponseBodyFeature body, CancellationToken cancellationToken);
}
