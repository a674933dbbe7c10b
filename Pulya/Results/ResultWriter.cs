using System.Buffers;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using Pulya.Http;
using Pulya.Pipeline;
using Pulya.Serialization;

namespace Pulya.Results;

/// <summary>
/// Writes a handler's result into the response: null → 204; <see cref="Response"/> → its status, headers and content;
/// string → <c>text/plain; charset=utf-8</c>; <c>byte[]</c>/<c>ReadOnlyMemory&lt;byte&gt;</c> → <c>application/octet-stream</c>;
/// anything else → the negotiated serializer, through <see cref="SerializedBodyWriter"/> (buffered with <c>Content-Length</c>
/// up to the response buffer size, streamed beyond). HEAD responses carry the headers only.
/// </summary>
internal static class ResultWriter
{
    public const string TextContentType = "text/plain; charset=utf-8";
    public const string BytesContentType = "application/octet-stream";
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>
    /// Writes <paramref name="result"/>; false when no registered format is acceptable (406: nothing written, not even the
    /// handler's headers). <paramref name="negotiated"/> is the serializer already chosen for the request, if any.
    /// Completes synchronously unless the server's start of the response does not (an asynchronous OnStarting callback).
    /// </summary>
    public static ValueTask<bool> WriteAsync(PulyaContext context, object? result, SerializerSelector serializers, IPulyaSerializer? negotiated, int bufferSize)
    {
        var status = 200;
        string? contentType = null;
        var content = result;
        var response = result as Response;
        if (response is not null)
        {
            status = response.StatusCode;
            contentType = response.ContentType;
            content = response.Content;
        }
        else if (result is null)
        {
            status = StatusCodes.Status204NoContent;
        }

        IPulyaSerializer? serializer = null;
        if (content is not (null or string or byte[] or ReadOnlyMemory<byte>))
        {
            serializer = negotiated ?? serializers.ForAccept(context.Headers.GetList(HeaderNames.Accept));
            if (serializer is null)
            {
                return NotWritten;
            }
        }

        if (response is { HasHeaders: true })
        {
            foreach (var (name, value) in response.Headers)
            {
                context.Response.Headers.Append(name, value);
            }
        }

        switch (content)
        {
            case null when response is null && context.Response.HasStarted:
                // The handler answered itself through the request's HttpContext (a WebSocket, a body it wrote): nothing to add.
                return Written;
            case null:
                context.Response.StatusCode = status;
                return Written;
            case string text:
                return WriteText(context, status, contentType ?? TextContentType, text);
            case byte[] bytes:
                return WriteBody(context, status, contentType ?? BytesContentType, bytes);
            case ReadOnlyMemory<byte> memory:
                return WriteBody(context, status, contentType ?? BytesContentType, memory);
        }

        context.Response.StatusCode = status;
        context.Response.Headers.ContentType = contentType ?? serializer!.ContentType;
        serializers.VaryByAccept(context.Response.Headers);
        var writer = SerializedBodyWriter.Rent(context, bufferSize);
        try
        {
            serializer!.Serialize(writer, content, content.GetType());
            if (writer.Complete() is { } start)
            {
                var pending = FlushAfterAsync(start, writer);
                writer = null;
                return pending;
            }
        }
        finally
        {
            if (writer is not null)
            {
                SerializedBodyWriter.Return(writer);
            }
        }

        return Written;
    }

    private static ValueTask<bool> Written => new(true);

    private static ValueTask<bool> NotWritten => new(false);

    /// <summary>
    /// Whether every non-null value of a handler's declared <paramref name="resultType"/> goes to a serializer (it can be
    /// no string, bytes, stream or <see cref="Response"/>): then the format is negotiated, and 406 decided, before the handler runs.
    /// </summary>
    public static bool IsSerialized(Type resultType) =>
        resultType != typeof(void)
        && !resultType.IsAssignableFrom(typeof(string))
        && !resultType.IsAssignableFrom(typeof(byte[]))
        && !resultType.IsAssignableFrom(typeof(Response))
        && !resultType.IsAssignableFrom(typeof(ReadOnlyMemory<byte>))
        && !typeof(Stream).IsAssignableFrom(resultType)
        && !resultType.IsAssignableFrom(typeof(Stream));

    /// <summary>Writes a body whose length is known, with <c>Content-Length</c>.</summary>
    public static void WriteBytes(PulyaContext context, int status, string contentType, ReadOnlySpan<byte> body)
    {
        context.Response.StatusCode = status;
        var headers = context.Response.Headers;
        headers.ContentType = contentType;
        headers.ContentLength = body.Length;
        if (!context.IsHead && body.Length > 0)
        {
            var writer = context.ResponseBody.Writer;
            body.CopyTo(writer.GetSpan(body.Length));
            writer.Advance(body.Length);
        }
    }

    /// <summary>
    /// Starts the response when a body follows: the server writes the status line and headers into its output now, so
    /// the body goes straight behind them (Kestrel holds a body written before the start aside and copies it behind the
    /// headers at the end). Null when nothing is written (HEAD, an empty body) or the start completed; else the start to await.
    /// </summary>
    internal static Task? Start(PulyaContext context, long length)
    {
        if (context.IsHead || length == 0)
        {
            return null;
        }

        var start = context.ResponseBody.StartAsync();
        return start.IsCompletedSuccessfully ? null : start;
    }

    private static ValueTask<bool> WriteText(PulyaContext context, int status, string contentType, string text)
    {
        context.Response.StatusCode = status;
        var headers = context.Response.Headers;
        headers.ContentType = contentType;
        var length = Utf8.GetByteCount(text);
        headers.ContentLength = length;
        if (Start(context, length) is { } start)
        {
            return WriteAfterAsync(start, context, Utf8.GetBytes(text));
        }

        if (!context.IsHead && length > 0)
        {
            var writer = context.ResponseBody.Writer;
            Utf8.GetBytes(text, writer.GetSpan(length));
            writer.Advance(length);
        }

        return Written;
    }

    private static ValueTask<bool> WriteBody(PulyaContext context, int status, string contentType, ReadOnlyMemory<byte> body)
    {
        context.Response.StatusCode = status;
        var headers = context.Response.Headers;
        headers.ContentType = contentType;
        headers.ContentLength = body.Length;
        if (Start(context, body.Length) is { } start)
        {
            return WriteAfterAsync(start, context, body);
        }

        Copy(context, body.Span);
        return Written;
    }

    private static void Copy(PulyaContext context, ReadOnlySpan<byte> body)
    {
        if (!context.IsHead && body.Length > 0)
        {
            var writer = context.ResponseBody.Writer;
            body.CopyTo(writer.GetSpan(body.Length));
            writer.Advance(body.Length);
        }
    }

    private static async ValueTask<bool> WriteAfterAsync(Task start, PulyaContext context, ReadOnlyMemory<byte> body)
    {
        await start;
        Copy(context, body.Span);
        return true;
    }

    private static async ValueTask<bool> FlushAfterAsync(Task start, SerializedBodyWriter writer)
    {
        try
        {
            await start;
            writer.Flush();
        }
        finally
        {
            SerializedBodyWriter.Return(writer);
        }

        return true;
    }
}
