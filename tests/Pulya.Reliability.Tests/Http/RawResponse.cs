using System.Text;

namespace Pulya.Reliability.Tests.Http;

/// <summary>What came back on the connection: the parsed response, or how the connection ended without one.</summary>
public sealed class RawResponse
{
    private RawResponse(int status, string head, byte[] body, byte[] raw, bool connectionReset)
    {
        Status = status;
        Head = head;
        Body = body;
        Raw = raw;
        ConnectionReset = connectionReset;
    }

    /// <summary>The status code; 0 when the connection ended without a complete status line.</summary>
    public int Status { get; }

    /// <summary>The status line and headers as text.</summary>
    public string Head { get; }

    /// <summary>The body (de-chunked).</summary>
    public byte[] Body { get; }

    /// <summary>Every byte received.</summary>
    public byte[] Raw { get; }

    /// <summary>Whether the connection was reset rather than closed in order.</summary>
    public bool ConnectionReset { get; }

    public string BodyText => Encoding.UTF8.GetString(Body);

    /// <summary>How many body bytes the client had sent when the exchange ended (for streamed bodies: less than their length when the server answered early).</summary>
    public long BodyBytesSent { get; internal set; }

    /// <summary>The value of header <paramref name="name"/>, or null.</summary>
    public string? Header(string name)
    {
        foreach (var line in Head.Split("\r\n").Skip(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && line.AsSpan(0, colon).Trim().Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return line[(colon + 1)..].Trim();
            }
        }

        return null;
    }

    public override string ToString() => Status == 0
        ? $"no response ({(ConnectionReset ? "connection reset" : "connection closed")}, {Raw.Length} bytes)"
        : $"{Status}, body {Encoding.UTF8.GetString(Body.AsSpan(0, Math.Min(Body.Length, 300)))}";

    public static RawResponse Parse(byte[] raw, bool connectionReset)
    {
        var end = raw.AsSpan().IndexOf("\r\n\r\n"u8);
        if (end < 0)
        {
            return new RawResponse(0, string.Empty, [], raw, connectionReset);
        }

        var head = Encoding.Latin1.GetString(raw, 0, end);
        var parts = head.Split("\r\n")[0].Split(' ');
        var status = parts.Length >= 2 && parts[0].StartsWith("HTTP/", StringComparison.Ordinal) && int.TryParse(parts[1], out var code) ? code : 0;
        var body = raw.AsSpan(end + 4).ToArray();
        var response = new RawResponse(status, head, body, raw, connectionReset);
        if (string.Equals(response.Header("Transfer-Encoding"), "chunked", StringComparison.OrdinalIgnoreCase))
        {
            response = new RawResponse(status, head, Dechunk(body), raw, connectionReset);
        }
        else if (long.TryParse(response.Header("Content-Length"), out var length) && length < body.Length)
        {
            response = new RawResponse(status, head, body.AsSpan(0, (int)length).ToArray(), raw, connectionReset);
        }

        return response;
    }

    private static byte[] Dechunk(byte[] body)
    {
        var output = new List<byte>();
        var position = 0;
        while (position < body.Length)
        {
            var lineEnd = body.AsSpan(position).IndexOf("\r\n"u8);
            if (lineEnd < 0)
            {
                break;
            }

            var sizeText = Encoding.ASCII.GetString(body, position, lineEnd).Split(';')[0];
            if (!int.TryParse(sizeText, System.Globalization.NumberStyles.HexNumber, null, out var size) || size == 0)
            {
                break;
            }

            position += lineEnd + 2;
            output.AddRange(body.AsSpan(position, Math.Min(size, body.Length - position)).ToArray());
            position += size + 2;
        }

        return [.. output];
    }
}
