using System.Buffers;
using System.Text;

namespace Pulya.Serialization;

/// <summary>
/// A <see cref="TextWriter"/> that encodes UTF-8 straight into an <see cref="IBufferWriter{T}"/>, so Newtonsoft's
/// <c>JsonTextWriter</c> needs no string, <c>MemoryStream</c> or <c>StreamWriter</c> copy of the payload. Characters are
/// gathered in a small buffer (1,024 chars) and encoded in bulk; one instance per thread is reused.
/// </summary>
internal sealed class Utf8BufferTextWriter : TextWriter
{
    private const int BufferLength = 1024;
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    [ThreadStatic]
    private static Utf8BufferTextWriter? t_cached;

    private readonly Encoder _encoder = Utf8.GetEncoder();
    private readonly char[] _chars = new char[BufferLength];
    private int _count;
    private IBufferWriter<byte>? _output;

    private Utf8BufferTextWriter()
        : base(System.Globalization.CultureInfo.InvariantCulture)
    {
    }

    public override Encoding Encoding => Utf8;

    /// <summary>A writer over <paramref name="output"/>: this thread's cached one, or a new one when it is in use.</summary>
    public static Utf8BufferTextWriter Rent(IBufferWriter<byte> output)
    {
        var writer = t_cached ?? new Utf8BufferTextWriter();
        t_cached = null;
        writer._output = output;
        return writer;
    }

    /// <summary>Forgets the output and any unflushed state, and caches the writer for this thread.</summary>
    public static void Return(Utf8BufferTextWriter writer)
    {
        writer._output = null;
        writer._count = 0;
        writer._encoder.Reset();
        t_cached = writer;
    }

    public override void Write(char value)
    {
        if (_count == BufferLength)
        {
            Encode(flush: false);
        }

        _chars[_count++] = value;
    }

    public override void Write(char[] buffer, int index, int count) => Write(buffer.AsSpan(index, count));

    public override void Write(string? value) => Write(value.AsSpan());

    public override void Write(ReadOnlySpan<char> buffer)
    {
        while (!buffer.IsEmpty)
        {
            if (_count == BufferLength)
            {
                Encode(flush: false);
            }

            var length = Math.Min(buffer.Length, BufferLength - _count);
            buffer[..length].CopyTo(_chars.AsSpan(_count));
            _count += length;
            buffer = buffer[length..];
        }
    }

    /// <summary>Encodes everything written so far, including a trailing lone high surrogate (as U+FFFD).</summary>
    public override void Flush() => Encode(flush: true);

    private void Encode(bool flush)
    {
        var output = _output!;
        var bytes = output.GetSpan(Utf8.GetMaxByteCount(_count));
        _encoder.Convert(_chars.AsSpan(0, _count), bytes, flush, out _, out var written, out _);
        output.Advance(written);
        _count = 0;
    }
}
