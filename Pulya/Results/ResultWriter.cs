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
    /// Writes <paramref name="result"/>; returns false when no registered format is acceptable (406: nothing written, not
    /// even the handler's headers). <paramref name="negotiated"/> is the serializer already chosen for the request, if any.
    /// </summary>
    public static bool Write(PulyaContext context, object? result, SerializerSelector serializers, IPulyaSerializer? negotiated, int bufferSize)
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
                return false;
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
            case null:
                context.Response.StatusCode = status;
                return true;
            case string text:
                WriteBytes(context, status, contentType ?? TextContentType, text);
                return true;
            case byte[] bytes:
                WriteBytes(context, status, contentType ?? BytesContentType, bytes);
                return true;
            case ReadOnlyMemory<byte> memory:
                WriteBytes(context, status, contentType ?? BytesContentType, memory.Span);
                return true;
        }

        context.Response.StatusCode = status;
        context.Response.Headers.ContentType = contentType ?? serializer!.ContentType;
        var writer = SerializedBodyWriter.Rent(context, bufferSize);
        try
        {
            serializer!.Serialize(writer, content, content.GetType());
            writer.Complete();
        }
        finally
        {
            SerializedBodyWriter.Return(writer);
        }

        return true;
    }

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

    private static void WriteBytes(PulyaContext context, int status, string contentType, string text)
    {
        context.Response.StatusCode = status;
        var headers = context.Response.Headers;
        headers.ContentType = contentType;
        var length = Utf8.GetByteCount(text);
        headers.ContentLength = length;
        if (!context.IsHead && length > 0)
        {
            var writer = context.ResponseBody.Writer;
            Utf8.GetBytes(text, writer.GetSpan(length));
            writer.Advance(length);
        }
    }
}
