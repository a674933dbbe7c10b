using Microsoft.AspNetCore.Http;
using Pulya.Http;
using Pulya.Pipeline;
using Pulya.Serialization;

namespace Pulya.Results;

/// <summary>
/// The results written while they are produced rather than all at once: a <see cref="Stream"/>, an
/// <c>IAsyncEnumerable&lt;T&gt;</c>, a file (<see cref="Response.File"/>) and server-sent events
/// (<see cref="Response.EventStream"/>), bare or as a <see cref="Response"/>'s content. The producer gets the request's
/// abort token; anything thrown before the first body byte is still a clean error response, after it the connection is aborted.
/// </summary>
internal static class StreamedResults
{
    /// <summary>Whether <paramref name="result"/> is written here rather than by <see cref="ResultWriter"/>; a few type tests.</summary>
    public static bool Handles(object? result) =>
        result is Stream or AsyncSequence or IAsyncEnumerable<object?> or IResponseContent
        || (result is Response { Content: { } content } && content is Stream or FileContent or EventStreamContent or AsyncSequence or IAsyncEnumerable<object?> or IResponseContent);

    /// <summary>Writes <paramref name="result"/>; false when no registered format is acceptable (406, nothing written).</summary>
    public static async Task<bool> WriteAsync(PulyaContext context, object result, SerializerSelector serializers)
    {
        var status = 200;
        string? contentType = null;
        var content = result;
        if (result is Response response)
        {
            status = response.StatusCode;
            contentType = response.ContentType;
            content = response.Content!;
            if (response.HasHeaders)
            {
                foreach (var (name, value) in response.Headers)
                {
                    context.Response.Headers.Append(name, value);
                }
            }
        }

        switch (content)
        {
            case Stream stream:
                await StreamResultWriter.WriteAsync(context, status, contentType ?? ResultWriter.BytesContentType, stream);
                return true;
            case FileContent file:
                await FileResultWriter.WriteAsync(context, status, contentType!, file);
                return true;
            case EventStreamContent events:
                await PipeEventStreamWriter.RunAsync(context, status, contentType!, events.Producer);
                return true;
            case IResponseContent own:
                await WriteOwnAsync(context, status, contentType ?? own.ContentType, own);
                return true;
            case AsyncSequence sequence:
                return await sequence.WriteAsync(context, status, contentType, serializers);
            default:
                return await AsyncSequence.Of((IAsyncEnumerable<object?>)content).WriteAsync(context, status, contentType, serializers);
        }
    }

    /// <summary>A module's content: status and content type here, the body by the content itself (not for HEAD).</summary>
    private static async Task WriteOwnAsync(PulyaContext context, int status, string? contentType, IResponseContent content)
    {
        context.Response.StatusCode = status;
        if (contentType is not null)
        {
            context.Response.Headers.ContentType = contentType;
        }

        if (!context.IsHead)
        {
            await content.WriteAsync(context, context.ResponseBody, context.RequestAborted);
        }
    }
}
