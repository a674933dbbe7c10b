using System.Buffers.Text;
using System.Net.Sockets;
using System.Text;

namespace Pulya.Measurement;

/// <summary>
/// The load tool's one HTTP/1.1 response parser: reads responses from one connection (status line, headers,
/// Content-Length or chunked body), pipelined or not, and hands back each status.
/// </summary>
internal sealed class HttpResponseReader
{
    private byte[] _buffer = new byte[64 * 1024];
    private int _start;
    private int _end;

    public void Reset() => _start = _end = 0;

    public async ValueTask<int> ReadAsync(Socket socket, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (TryParse(_buffer.AsSpan(_start, _end - _start), out var consumed, out var status))
            {
                _start += consumed;
                return status;
            }

            if (_end == _buffer.Length)
            {
                if (_start > 0)
                {
                    _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
                    _end -= _start;
                    _start = 0;
                }
                else
                {
                    Array.Resize(ref _buffer, _buffer.Length * 2);
                }
            }

            var read = await socket.ReceiveAsync(_buffer.AsMemory(_end), cancellationToken);
            if (read == 0)
            {
                throw new IOException("The server closed the connection.");
            }

            _end += read;
        }
    }

    /// <summary>One complete response at the start of <paramref name="data"/>: its length and status; false if incomplete.</summary>
    internal static bool TryParse(ReadOnlySpan<byte> data, out int consumed, out int status)
    {
        consumed = status = 0;
        var headerEnd = data.IndexOf("\r\n\r\n"u8);
        if (headerEnd < 0)
        {
            return false;
        }

        if (headerEnd < 12 || !data.StartsWith("HTTP/1."u8) || !Utf8Parser.TryParse(data.Slice(9, 3), out status, out var statusDigits) || statusDigits != 3)
        {
            throw new InvalidDataException("Not an HTTP/1.x response.");
        }

        long contentLength = -1;
        var chunked = false;
        var headers = data[..headerEnd];
        var lineStart = headers.IndexOf("\r\n"u8) + 2;
        while (lineStart < headers.Length)
        {
            var rest = headers[lineStart..];
            var lineEnd = rest.IndexOf("\r\n"u8);
            var line = lineEnd < 0 ? rest : rest[..lineEnd];
            var colon = line.IndexOf((byte)':');
            if (colon > 0)
            {
                var name = line[..colon];
                var value = line[(colon + 1)..].Trim((byte)' ');
                if (Ascii.EqualsIgnoreCase(name, "Content-Length"u8) && Utf8Parser.TryParse(value, out long length, out _))
                {
                    contentLength = length;
                }
                else if (Ascii.EqualsIgnoreCase(name, "Transfer-Encoding"u8) && Ascii.EqualsIgnoreCase(value, "chunked"u8))
                {
                    chunked = true;
                }
            }

            lineStart += lineEnd < 0 ? rest.Length : lineEnd + 2;
        }

        var position = headerEnd + 4;
        if (chunked)
        {
            while (true)
            {
                var sizeEnd = data[position..].IndexOf("\r\n"u8);
                if (sizeEnd < 0)
                {
                    return false;
                }

                var sizeText = data.Slice(position, sizeEnd);
                var semicolon = sizeText.IndexOf((byte)';');
                if (!Utf8Parser.TryParse(semicolon < 0 ? sizeText : sizeText[..semicolon], out int size, out _, 'X'))
                {
                    throw new InvalidDataException("Bad chunk size.");
                }

                position += sizeEnd + 2;
                if (size == 0)
                {
                    // No trailers: the last chunk is followed by one empty line.
                    if (data.Length < position + 2)
                    {
                        return false;
                    }

                    consumed = position + 2;
                    return true;
                }

                if (data.Length < position + size + 2)
                {
                    return false;
                }

                position += size + 2;
            }
        }

        var total = position + Math.Max(0, contentLength);
        if (data.Length < total)
        {
            return false;
        }

        consumed = (int)total;
        return true;
    }
}
