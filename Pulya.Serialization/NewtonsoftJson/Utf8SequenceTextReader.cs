using System.Buffers;
using System.Text;

namespace Pulya.Serialization;

/// <summary>
/// A <see cref="TextReader"/> that decodes UTF-8 from a <see cref="ReadOnlySequence{T}"/> chunk by chunk into the
/// caller's buffer, so Newtonsoft's <c>JsonTextReader</c> never sees the body as one string. Invalid UTF-8 throws
/// <see cref="DecoderFallbackException"/>. One instance per thread is reused.
/// </summary>
internal sealed class Utf8SequenceTextReader : TextReader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    [ThreadStatic]
    private static Utf8SequenceTextReader? t_cached;

    private readonly Decoder _decoder = StrictUtf8.GetDecoder();
    private ReadOnlySequence<byte> _body;
    private SequencePosition _next;
    private ReadOnlyMemory<byte> _current;
    private bool _flushed;

    private Utf8SequenceTextReader()
    {
    }

    /// <summary>A reader over <paramref name="body"/>: this thread's cached one, or a new one when it is in use.</summary>
    public static Utf8SequenceTextReader Rent(ReadOnlySequence<byte> body)
    {
        var reader = t_cached ?? new Utf8SequenceTextReader();
        t_cached = null;
        reader._body = body;
        reader._next = body.Start;
        reader._current = ReadOnlyMemory<byte>.Empty;
        reader._flushed = false;
        return reader;
    }

    /// <summary>Forgets the body and the decoder state, and caches the reader for this thread.</summary>
    public static void Return(Utf8SequenceTextReader reader)
    {
        reader._body = default;
        reader._next = default;
        reader._current = ReadOnlyMemory<byte>.Empty;
        reader._decoder.Reset();
        t_cached = reader;
    }

    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    public override int Read(Span<char> buffer)
    {
        while (!buffer.IsEmpty && !_flushed)
        {
            if (_current.IsEmpty)
            {
                if (_body.TryGet(ref _next, out _current))
                {
                    continue;
                }

                // End of the body: an incomplete multi-byte sequence left in the decoder throws here.
                _flushed = true;
                _decoder.Convert(ReadOnlySpan<byte>.Empty, buffer, flush: true, out _, out var tail, out _);
                return tail;
            }

            _decoder.Convert(_current.Span, buffer, flush: false, out var bytesUsed, out var charsUsed, out _);
            _current = _current[bytesUsed..];
            if (charsUsed > 0)
            {
                return charsUsed;
            }
        }

        return 0;
    }
}
