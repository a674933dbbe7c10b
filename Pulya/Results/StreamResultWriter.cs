using Microsoft.AspNetCore.Http;
using Pulya.Pipeline;

namespace Pulya.Results;

/// <summary>
/// Copies a stream into the response as it is read, flushing each block. A seekable stream's remaining length becomes
/// <c>Content-Length</c>; any other goes out chunked. The stream is disposed when done.
/// </summary>
internal static class StreamResultWriter
{
    private const int BlockSize = 16 * 1024;

    public static async Task WriteAsync(PulyaContext context, int status, string contentType, Stream stream)
    {
        await using (stream)
        {
            context.Response.StatusCode = status;
            context.Response.Headers.ContentType = contentType;
            if (stream.CanSeek)
            {
                context.Response.Headers.ContentLength = stream.Length - stream.Position;
            }

            if (!context.IsHead)
            {
                await CopyAsync(context, stream, long.MaxValue);
            }
        }
    }

    /// <summary>Copies up to <paramref name="count"/> bytes of <paramref name="stream"/>; the first read happens before any byte leaves.</summary>
    public static async Task CopyAsync(PulyaContext context, Stream stream, long count)
    {
        using var lifetime = new ProducerLifetime(context);
        var writer = context.ResponseBody.Writer;
        while (count > 0)
        {
            var memory = writer.GetMemory(BlockSize);
            if (memory.Length > count)
            {
                memory = memory[..(int)count];
            }

            var read = await stream.ReadAsync(memory, lifetime.Token);
            if (read == 0)
            {
                return;
            }

            context.BodyStarted = true;
            writer.Advance(read);
            count -= read;
            await lifetime.FlushAsync();
        }
    }
}
