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
/// anything else → the negotiated serializer, straight into the response writer. HEAD responses carry the headers only.
/// </summary>
internal static class ResultWriter
{
    public const string TextContentType = "text/plain; charset=utf-8";
    public const string BytesContentType = "application/octet-stream";
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes <paramref name="result"/>; returns false when no registered format is acceptable (406, nothing written).</summary>
    public static bool Write(PulyaContext context, object? result, SerializerSelector serializers)
    {
        var status = 200;
        string? contentType = null;
        var content = result;
        if (result is Response response)
        {
            status = response.StatusCode;
            contentType = response.ContentType;
            content = response.Content;
            if (response.HasHeaders)
            {
                foreach (var (name, value) in response.Headers)
                {
                    context.Response.Headers.Append(name, value);
                }
            }
        }
        else if (result is null)
        {
            status = StatusCodes.Status204NoContent;
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

        var serializer = serializers.ForAccept(context.Headers.GetList(HeaderNames.Accept));
        if (serializer is null)
        {
            return false;
        }

        context.Response.StatusCode = status;
        context.Response.Headers.ContentType = contentType ?? serializer.ContentType;
        if (context.IsHead)
        {
            var counter = new ArrayBufferWriter<byte>();
            serializer.Serialize(counter, content, content.GetType());
            context.Response.Headers.ContentLength = counter.WrittenCount;
            return true;
        }

        context.BodyStarted = true;
        serializer.Serialize(context.ResponseBody.Writer, content, content.GetType());
        return true;
    }

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
