using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Pulya.Binding;

namespace Pulya.Pipeline;

/// <summary>
/// The request body handed to a handler or a form reader: read-only, forward-only, asynchronous, and held to the body
/// limit (past it: 413) whatever the server enforces. A client gone mid-body is a cancellation and malformed framing a
/// 400, as when the pipeline reads the body itself. Disposing it leaves the server's body alone.
/// </summary>
internal sealed class LimitedRequestStream(Stream inner, long limit, CancellationToken aborted) : Stream
{
    private const long FramingAllowance = 64 * 1024;
    private long _total;

    /// <summary>
    /// Takes the body limit over from the server for this request and returns the limit to count: the stricter of
    /// <paramref name="limit"/> and the server's own cap. Pulya counts the body's bytes exactly; Kestrel's cap counts chunk
    /// framing as body bytes (a chunked body at the limit would be refused), so it is raised to twice the limit plus 64 KiB:
    /// still there, so that a body refused with 413 is not drained without end after the answer.
    /// </summary>
    public static long LiftServerLimit(PulyaContext context, long limit)
    {
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeFeature)
        {
            limit = Math.Min(limit, sizeFeature.MaxRequestBodySize ?? long.MaxValue);
            sizeFeature.MaxRequestBodySize = limit < long.MaxValue / 4 ? (limit * 2) + FramingAllowance : null;
        }

        return limit;
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        int read;
        try
        {
            read = await inner.ReadAsync(buffer, cancellationToken);
        }
        catch (IOException ex) when (ex is not Microsoft.AspNetCore.Http.BadHttpRequestException)
        {
            aborted.ThrowIfCancellationRequested();
            throw new BadRequestException("The request body is malformed or incomplete.");
        }

        _total += read;
        return _total > limit
            ? throw new Microsoft.AspNetCore.Http.BadHttpRequestException("Request body too large.", StatusCodes.Status413PayloadTooLarge)
            : read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) =>
        throw new NotSupportedException("The request body is read asynchronously (ReadAsync).");

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
