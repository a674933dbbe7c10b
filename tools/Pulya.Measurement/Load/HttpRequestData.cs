using System.Text;

namespace Pulya.Measurement;

/// <summary>
/// One HTTP/1.1 request to send: method, path with query, headers (a <c>Host</c> header among them replaces the
/// default <c>127.0.0.1:PORT</c>) and an optional body, sent with <c>Content-Length</c>.
/// </summary>
internal sealed record HttpRequestData(string Method, string Path, IReadOnlyList<KeyValuePair<string, string>> Headers, byte[]? Body)
{
    /// <summary>The media type of the JSON bodies the tools send.</summary>
    public const string JsonContentType = "application/json";

    /// <summary>A request without headers; a body goes with <c>Content-Type: application/json</c>.</summary>
    public static HttpRequestData Json(string method, string path, byte[]? body = null) =>
        new(method, path, body is null ? [] : [new("Content-Type", JsonContentType)], body);

    /// <summary>The request's bytes on the wire, for the server at <paramref name="host"/> unless the request names its own host.</summary>
    public byte[] Encode(string host)
    {
        var head = new StringBuilder().Append(Method).Append(' ').Append(Path).Append(" HTTP/1.1\r\n");
        if (!Headers.Any(h => h.Key.Equals("Host", StringComparison.OrdinalIgnoreCase)))
        {
            head.Append("Host: ").Append(host).Append("\r\n");
        }

        foreach (var (name, value) in Headers)
        {
            if (!name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase) && !name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase))
            {
                head.Append(name).Append(": ").Append(value).Append("\r\n");
            }
        }

        if (Body is not null)
        {
            head.Append("Content-Length: ").Append(Body.Length).Append("\r\n");
        }

        var bytes = Encoding.UTF8.GetBytes(head.Append("\r\n").ToString());
        return Body is null ? bytes : [.. bytes, .. Body];
    }
}
