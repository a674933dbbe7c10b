using System.IO.Pipelines;
using Microsoft.AspNetCore.Http;
using Pulya.Http;
using Pulya.Pipeline;

namespace Pulya.CompilerServices;

public static partial class ParameterBinders
{
    /// <summary>
    /// The request body as a read-only, forward-only stream held to <paramref name="limit"/> bytes: a declared
    /// <c>Content-Length</c> above it is a 413 before the handler runs, and reading past it fails with a 413.
    /// </summary>
    public static Stream BodyStream(PulyaRequest request, long limit)
    {
        ArgumentNullException.ThrowIfNull(request);
        var context = Context(request);
        if (context.BodyStreamTaken)
        {
            throw new InvalidOperationException(
                "The request body was already handed to this endpoint as a stream and cannot be read twice: middleware that calls next more than once cannot replay a streamed body.");
        }

        context.BodyStreamTaken = true;
        limit = LimitedRequestStream.LiftServerLimit(context, limit);
        if (context.RequestContentLength > limit)
        {
            throw new Microsoft.AspNetCore.Http.BadHttpRequestException("Request body too large.", StatusCodes.Status413PayloadTooLarge);
        }

        return new LimitedRequestStream(context.RequestBody, limit, context.RequestAborted);
    }

    /// <summary>The request body as a <see cref="PipeReader"/>, with the limits of <see cref="BodyStream"/>.</summary>
    public static PipeReader BodyReader(PulyaRequest request, long limit) =>
        PipeReader.Create(BodyStream(request, limit), new StreamPipeReaderOptions(leaveOpen: true));
}
