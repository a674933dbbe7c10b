using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Pulya.Advisor.Correctness;

/// <summary>What the application answered to one request: status, media type of the body, and the body.</summary>
internal sealed record Answer(int Status, string? MediaType, byte[] Body)
{
    /// <summary>
    /// How <paramref name="actual"/> differs from this answer, or null when it does not: the status, the media type, and
    /// the body — JSON compared as values (member order and white space do not matter), anything else byte for byte.
    /// With <paramref name="statusOnly"/> (a request whose answer varies between two identical calls) only the status counts.
    /// </summary>
    public string? Difference(Answer actual, bool statusOnly)
    {
        if (actual.Status != Status)
        {
            return $"status {actual.Status} instead of {Status}";
        }

        if (statusOnly)
        {
            return null;
        }

        if (!string.Equals(actual.MediaType, MediaType, StringComparison.OrdinalIgnoreCase))
        {
            return $"Content-Type {actual.MediaType ?? "none"} instead of {MediaType ?? "none"}";
        }

        if (Json(Body) is { } expected && Json(actual.Body) is { } json)
        {
            return JsonNode.DeepEquals(expected, json) ? null : $"JSON body {Excerpt(actual.Body)} instead of {Excerpt(Body)}";
        }

        return Body.AsSpan().SequenceEqual(actual.Body) ? null : $"body {Excerpt(actual.Body)} instead of {Excerpt(Body)}";
    }

    private static JsonNode? Json(byte[] body)
    {
        try
        {
            return body.Length == 0 ? null : JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Excerpt(byte[] body)
    {
        var text = Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, 80)).ReplaceLineEndings(" ");
        return "'" + text + (body.Length > 80 ? "…'" : "'");
    }
}
