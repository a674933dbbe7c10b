using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Pulya.Advisor.Mix;

/// <summary>
/// Requests from files. A recorded-requests file has one JSON object per line:
/// <c>{"method":"POST","path":"/orders?x=1","headers":{"Authorization":"Bearer t"},"body":{"id":1}}</c> — <c>method</c>
/// defaults to GET, <c>headers</c> and <c>body</c> are optional; a body that is a JSON string is sent as that text, any
/// other JSON value as JSON (with <c>Content-Type: application/json</c> unless the headers name one). Blank lines and
/// lines starting with <c>#</c> are skipped. An access log in Common or Combined Log Format gives method and path per line
/// (no headers, no bodies). Each line is one request of the mix: repeat a line to weigh it more.
/// </summary>
internal static partial class RecordedRequests
{
    public static IReadOnlyList<MixRequest> Parse(string file, IEnumerable<string> lines)
    {
        var requests = new List<MixRequest>();
        var number = 0;
        foreach (var line in lines)
        {
            number++;
            var text = line.Trim();
            if (text.Length == 0 || text[0] == '#')
            {
                continue;
            }

            JsonObject entry;
            try
            {
                entry = JsonNode.Parse(text) as JsonObject ?? throw new InvalidDataException($"{file}:{number}: a line must be a JSON object.");
            }
            catch (JsonException ex)
            {
                throw new InvalidDataException($"{file}:{number}: not JSON ({ex.Message}).", ex);
            }

            var path = (string?)entry["path"] ?? throw new InvalidDataException($"{file}:{number}: \"path\" is missing.");
            if (!path.StartsWith('/'))
            {
                throw new InvalidDataException($"{file}:{number}: \"path\" must start with '/'.");
            }

            var method = ((string?)entry["method"] ?? "GET").ToUpperInvariant();
            var headers = entry["headers"] is JsonObject h ? h.Select(kv => new KeyValuePair<string, string>(kv.Key, (string?)kv.Value ?? "")).ToList() : [];
            byte[]? body = null;
            if (entry["body"] is { } value)
            {
                string? raw = null;
                var isText = value is JsonValue json && json.TryGetValue(out raw);
                body = Encoding.UTF8.GetBytes(isText ? raw! : value.ToJsonString());
                if (!isText && !headers.Any(x => x.Key.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)))
                {
                    headers.Add(new("Content-Type", HttpRequestData.JsonContentType));
                }
            }

            requests.Add(new MixRequest(Path.GetFileName(file), $"{method} {path} (line {number})", new HttpRequestData(method, path, headers, body)));
        }

        return requests;
    }

    /// <summary>The requests of an access log in Common or Combined Log Format (method and path of each line that has them).</summary>
    public static IReadOnlyList<MixRequest> ParseAccessLog(string file, IEnumerable<string> lines)
    {
        var requests = new List<MixRequest>();
        var number = 0;
        foreach (var line in lines)
        {
            number++;
            var match = RequestLine().Match(line);
            if (match.Success && match.Groups["path"].Value.StartsWith('/'))
            {
                var method = match.Groups["method"].Value;
                var path = match.Groups["path"].Value;
                requests.Add(new MixRequest(Path.GetFileName(file), $"{method} {path} (line {number})", new HttpRequestData(method, path, [], null)));
            }
        }

        return requests;
    }

    [GeneratedRegex("\"(?<method>[A-Z]+) (?<path>\\S+) HTTP/[0-9.]+\"")]
    private static partial Regex RequestLine();
}
