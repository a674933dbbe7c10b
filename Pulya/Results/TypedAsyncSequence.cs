using System.Buffers;
using System.IO.Pipelines;
using Microsoft.Net.Http.Headers;
using Pulya.Pipeline;
using Pulya.Serialization;

namespace Pulya.Results;

/// <summary>An <see cref="AsyncSequence"/> of <typeparamref name="T"/>, enumerated with the request's abort token.</summary>
internal sealed class TypedAsyncSequence<T>(IAsyncEnumerable<T> items) : AsyncSequence
{
    private static readonly byte[] Open = "["u8.ToArray();
    private static readonly byte[] Separator = ","u8.ToArray();
    private static readonly byte[] Close = "]"u8.ToArray();

    public override async Task<bool> WriteAsync(PulyaContext context, int status, string? contentType, SerializerSelector serializers)
    {
        var serializer = serializers.ForAccept(context.Headers.GetList(HeaderNames.Accept));
        if (serializer is null)
        {
            return false;
        }

        context.Response.StatusCode = status;
        context.Response.Headers.ContentType = contentType ?? serializer.ContentType;
        if (context.IsHead)
        {
            return true;
        }

        if (!IsJson(serializer))
        {
            var limit = context.Options.MaxCollectedSequenceItems;
            var collected = new List<T>();
            await foreach (var item in items.WithCancellation(context.RequestAborted))
            {
                if (collected.Count == limit)
                {
                    // Before any byte left: the pipeline answers the clean 500 and logs this at Error.
                    throw new InvalidOperationException(
                        $"The sequence has more than {limit} items, the most collected for {serializer.MediaTypes[0]}, which needs the item count before the first byte "
                        + "(Pulya:MaxCollectedSequenceItems). JSON streams a sequence without this limit.");
                }

                collected.Add(item);
            }

            var buffer = new ArrayBufferWriter<byte>();
            serializer.Serialize(buffer, collected, typeof(List<T>));
            ResultWriter.WriteBytes(context, status, context.Response.Headers.ContentType!, buffer.WrittenSpan);
            return true;
        }

        using var lifetime = new ProducerLifetime(context);
        var enumerator = items.GetAsyncEnumerator(lifetime.Token);
        await using (enumerator)
        {
            // The first item is produced before any byte leaves, so a sequence that fails at once still gets a clean error.
            var more = await enumerator.MoveNextAsync();
            var writer = context.ResponseBody.Writer;
            Put(writer, Open);
            context.BodyStarted = true;
            while (more)
            {
                var item = enumerator.Current;
                serializer.Serialize(writer, item, item?.GetType() ?? typeof(T));
                await lifetime.FlushAsync();
                more = await enumerator.MoveNextAsync();
                if (more)
                {
                    Put(writer, Separator);
                }
            }

            Put(writer, Close);
        }

        return true;
    }

    /// <summary>Copies <paramref name="bytes"/> with an explicit size hint: Kestrel hands out an empty span for a zero hint before the response starts.</summary>
    private static void Put(PipeWriter writer, byte[] bytes)
    {
        bytes.CopyTo(writer.GetSpan(bytes.Length));
        writer.Advance(bytes.Length);
    }
}
