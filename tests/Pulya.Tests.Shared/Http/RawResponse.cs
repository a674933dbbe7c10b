using System.Buffers;
using System.Globalization;
using System.Text;

namespace Pulya.Tests.Shared.Http;

/// <summary>What came back on the connection: the parsed response, or how the connection ended without one.</summary>
public sealed class RawResponse
{
    private RawResponse(int status, string head, byte[] body, byte[] raw, bool connectionReset, bool complete)
    {
        Status = status;
        Head = head;
        Body = body;
        Raw = raw;
        ConnectionReset = connectionReset;
        Complete = complete;
    }

    /// <summary>The status code; 0 when the connection ended without a complete status line.</summary>
    public int Status { get; }

    /// <summary>The status line and headers as text.</summary>
    public string Head { get; }

    /// <summary>The body (de-chunked).</summary>
    public byte[] Body { get; }

    /// <summary>Every byte received.</summary>
    public byte[] Raw { get; }

    /// <summary>Every byte received, as UTF-8 text: the status line, the headers and the body as they came over the wire.</summary>
    public string Text => Encoding.UTF8.GetString(Raw);

    /// <summary>Whether the connection was reset rather than closed in order.</summary>
    public bool ConnectionReset { get; }

    /// <summary>
    /// Whether the body arrived whole by its framing: all <c>Content-Length</c> bytes, or well-formed chunks up to the
    /// last one. False when the connection ended first or the chunk framing was malformed; true for a body that ends
    /// with the connection (no framing header).
    /// </summary>
    public bool Complete { get; }

    public string BodyText => Encoding.UTF8.GetString(Body);

    /// <summary>How many body bytes the client had sent when the exchange ended (for streamed bodies: less than their length when the server answered early).</summary>
    public long BodyBytesSent { get; internal set; }

    /// <summary>The value of header <paramref name="name"/>, or null.</summary>
    public string? Header(string name) => Header(Head, name);

    public override string ToString() => Status == 0
        ? $"no response ({(ConnectionReset ? "connection reset" : "connection closed")}, {Raw.Length} bytes)"
        : $"{Status}, body {Encoding.UTF8.GetString(Body.AsSpan(0, Math.Min(Body.Length, 300)))}";

    public static RawResponse Parse(byte[] raw, bool connectionReset)
    {
        var end = raw.AsSpan().IndexOf("\r\n\r\n"u8);
        if (end < 0)
        {
            return new RawResponse(0, string.Empty, [], raw, connectionReset, complete: false);
        }

        var head = Encoding.Latin1.GetString(raw, 0, end);
        var status = StatusOf(head);
        var body = raw.AsSpan(end + 4);
        if (IsChunked(head))
        {
            var output = new ArrayBufferWriter<byte>();
            var length = Dechunk(body, output);
            return new RawResponse(status, head, output.WrittenSpan.ToArray(), raw, connectionReset, complete: length >= 0);
        }

        if (ContentLength(head) is { } declared)
        {
            return new RawResponse(status, head, body[..(int)Math.Min(declared, body.Length)].ToArray(), raw, connectionReset, complete: body.Length >= declared);
        }

        return new RawResponse(status, head, body.ToArray(), raw, connectionReset, complete: true);
    }

    /// <summary>
    /// The length of the first response in <paramref name="data"/> when it has arrived whole by its framing
    /// (<c>Content-Length</c>, chunked, or no body for 1xx, 204 and 304); -1 while more is needed, and for a body that
    /// ends with the connection.
    /// </summary>
    internal static int FramedLength(ReadOnlySpan<byte> data)
    {
        var end = data.IndexOf("\r\n\r\n"u8);
        if (end < 0)
        {
            return -1;
        }

        var head = Encoding.Latin1.GetString(data[..end]);
        var bodyStart = end + 4;
        var status = StatusOf(head);
        if (status is (>= 100 and < 200) or 204 or 304)
        {
            return bodyStart;
        }

        if (IsChunked(head))
        {
            var length = Dechunk(data[bodyStart..], output: null);
            return length < 0 ? -1 : bodyStart + length;
        }

        return ContentLength(head) is { } declared && data.Length - bodyStart >= declared ? bodyStart + (int)declared : -1;
    }

    private static string? Header(string head, string name)
    {
        foreach (var line in head.Split("\r\n").Skip(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && line.AsSpan(0, colon).Trim().Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return line[(colon + 1)..].Trim();
            }
        }

        return null;
    }

    private static int StatusOf(string head)
    {
        var parts = head.Split("\r\n")[0].Split(' ');
        return parts.Length >= 2 && parts[0].StartsWith("HTTP/", StringComparison.Ordinal) && int.TryParse(parts[1], CultureInfo.InvariantCulture, out var code) ? code : 0;
    }

    private static bool IsChunked(string head) => string.Equals(Header(head, "Transfer-Encoding"), "chunked", StringComparison.OrdinalIgnoreCase);

    private static long? ContentLength(string head) =>
        long.TryParse(Header(head, "Content-Length"), CultureInfo.InvariantCulture, out var length) && length >= 0 ? length : null;

    /// <summary>
    /// Writes the data of the chunked <paramref name="body"/> to <paramref name="output"/> (a chunk cut short: what
    /// arrived of it); returns the length of the chunked body through the last chunk and its trailers, or -1 when it
    /// is incomplete or malformed.
    /// </summary>
    private static int Dechunk(ReadOnlySpan<byte> body, ArrayBufferWriter<byte>? output)
    {
        var position = 0;
        while (true)
        {
            var lineEnd = body[position..].IndexOf("\r\n"u8);
            if (lineEnd < 0)
            {
                return -1;
            }

            var sizeText = Encoding.ASCII.GetString(body.Slice(position, lineEnd)).Split(';')[0].Trim();
            if (sizeText.Length == 0 || !int.TryParse(sizeText, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var size) || size < 0)
            {
                return -1;
            }

            position += lineEnd + 2;
            if (size == 0)
            {
                // The trailer section: header lines up to an empty one.
                while (true)
                {
                    var trailerEnd = body[position..].IndexOf("\r\n"u8);
                    if (trailerEnd < 0)
                    {
                        return -1;
                    }

                    position += trailerEnd + 2;
                    if (trailerEnd == 0)
                    {
                        return position;
                    }
                }
            }

            var available = Math.Min(size, body.Length - position);
            output?.Write(body.Slice(position, available));
            if (body.Length - position < size + 2 || !body.Slice(position + size, 2).SequenceEqual("\r\n"u8))
            {
                return -1;
            }

            position += size + 2;
        }
    }
}
