using System.Buffers;
using Pulya.Pipeline;

namespace Pulya.Results;

/// <summary>
/// The <see cref="IBufferWriter{T}"/> a serializer writes a response value into. Output is staged in a buffer from
/// <see cref="ArrayPool{T}.Shared"/>: while it is no larger than the response buffer size it stays there and is sent
/// with <c>Content-Length</c> (so a serializer that throws leaves the response untouched); once more bytes are written
/// than that, the staged bytes go to the server's writer chunk by chunk and the response is streamed (chunked). It never hands the serializer an empty span and never
/// asks the server's writer for a zero size hint (Kestrel's writer returns an empty block for that before the response
/// starts). One instance per thread, reused: serializers are synchronous, so an instance is never shared by two requests.
/// </summary>
internal sealed class SerializedBodyWriter : IBufferWriter<byte>
{
    /// <summary>The first staging buffer rented; it doubles as output grows, up to the response buffer size.</summary>
    private const int InitialSize = 4096;

    [ThreadStatic]
    private static SerializedBodyWriter? t_cached;

    private byte[] _buffer = [];
    private int _written;
    private long _flushed;
    private int _limit;
    private bool _streaming;
    private PulyaContext _context = null!;

    /// <summary>The bytes written so far.</summary>
    public long Length => _flushed + _written;

    /// <summary>Takes this thread's writer (or a new one) for <paramref name="context"/>'s response; give it back with <see cref="Return"/>.</summary>
    public static SerializedBodyWriter Rent(PulyaContext context, int limit)
    {
        var writer = t_cached ?? new SerializedBodyWriter();
        t_cached = null;
        if (limit < InitialSize && writer._buffer.Length > 0)
        {
            // A kept buffer larger than this response buffer size would hold more before streaming than a fresh one does.
            ArrayPool<byte>.Shared.Return(writer._buffer);
            writer._buffer = [];
        }

        writer._context = context;
        writer._limit = limit;
        return writer;
    }

    /// <summary>
    /// Keeps the writer for the thread's next response, with its staging buffer when that is the first size rented (a small
    /// body then costs no round trip to the pool, and the next response starts from the buffer it would have rented);
    /// any other buffer goes back to the pool.
    /// </summary>
    public static void Return(SerializedBodyWriter writer)
    {
        if (writer._buffer.Length is > 0 and not InitialSize)
        {
            ArrayPool<byte>.Shared.Return(writer._buffer);
            writer._buffer = [];
        }

        writer._written = 0;
        writer._flushed = 0;
        writer._streaming = false;
        writer._context = null!;
        t_cached = writer;
    }

    public void Advance(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, _buffer.Length - _written);
        _written += count;
    }

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        var start = Reserve(sizeHint); // may replace _buffer: read it after
        return _buffer.AsMemory(start);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        var start = Reserve(sizeHint);
        return _buffer.AsSpan(start);
    }

    /// <summary>
    /// Sends what is still staged: the whole body when it stayed buffered (with <c>Content-Length</c>, after starting the
    /// response so the bytes go straight behind the headers), else the last chunk. Null when done; else the response's
    /// start, still running (an asynchronous OnStarting callback): await it, then <see cref="Flush"/>.
    /// </summary>
    public Task? Complete()
    {
        if (!_streaming)
        {
            _context.Response.Headers.ContentLength = _written;
            if (ResultWriter.Start(_context, _written) is { } start)
            {
                return start;
            }
        }
        else if (_context.IsHead)
        {
            // HEAD: nothing was sent, every byte was counted, so the length is known.
            _context.Response.Headers.ContentLength = Length;
            return null;
        }

        Flush();
        return null;
    }

    /// <summary>Makes room for at least <paramref name="sizeHint"/> bytes (1 when zero) and returns where they start.</summary>
    private int Reserve(int sizeHint)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(sizeHint);
        var needed = Math.Max(sizeHint, 1);
        if (_buffer.Length - _written >= needed)
        {
            return _written;
        }

        if (!_streaming && _written > _limit)
        {
            // Past the buffer size and asked for more: stream. The decision follows bytes written, not size hints
            // (serializers ask for worst-case room), so a body that fits the buffer size always gets Content-Length.
            _streaming = true;
            if (!_context.IsHead)
            {
                _context.BodyStarted = true;
            }
        }

        if (_streaming)
        {
            Flush();
            if (_buffer.Length >= needed)
            {
                return 0;
            }
        }

        // Grow: double, at least what is needed; while buffering, to the buffer size or just what the hint needs past it.
        var size = Math.Max((long)Math.Max(_buffer.Length, InitialSize / 2) * 2, (long)_written + needed);
        if (!_streaming)
        {
            size = Math.Min(size, Math.Max(_limit, (long)_written + needed));
        }

        var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min(size, Array.MaxLength));
        _buffer.AsSpan(0, _written).CopyTo(larger);
        if (_buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
        }

        _buffer = larger;
        return _written;
    }

    /// <summary>Moves the staged bytes to the server's writer (HEAD: counts them only).</summary>
    public void Flush()
    {
        var remaining = _buffer.AsSpan(0, _written);
        _flushed += _written;
        _written = 0;
        if (_context.IsHead)
        {
            return;
        }

        var output = _context.ResponseBody.Writer;
        while (!remaining.IsEmpty)
        {
            var target = output.GetSpan(remaining.Length);
            if (target.IsEmpty)
            {
                throw new InvalidOperationException("The server's response writer returned an empty buffer.");
            }

            var count = Math.Min(target.Length, remaining.Length);
            remaining[..count].CopyTo(target);
            output.Advance(count);
            remaining = remaining[count..];
        }
    }
}
