using System.Text.Json.Nodes;

namespace Pulya.Advisor.Mix;

/// <summary>
/// Example values from the JSON schemas the application's route table describes its parameters and bodies with: the
/// first enum value, 1 for integers, 1.5 for numbers, true, a fixed GUID or date for those formats, "example" for other
/// strings, one element per array, every property of an object. Always the same values, so two runs send the same requests.
/// </summary>
internal static class ExampleValues
{
    public const string Guid = "3f2504e0-4f89-11d3-9a0c-0305e82c3301";
    private const int MaxDepth = 8;

    /// <summary>A JSON value that fits <paramref name="schema"/> (null for a schema that says nothing, or too deep).</summary>
    public static JsonNode? Json(JsonNode? schema, int depth = 0)
    {
        if (schema is not JsonObject s || depth > MaxDepth)
        {
            return null;
        }

        if (s["enum"] is JsonArray { Count: > 0 } values)
        {
            return values.FirstOrDefault(v => v is not null)?.DeepClone();
        }

        return Type(s) switch
        {
            "integer" => 1,
            "number" => 1.5,
            "boolean" => true,
            "string" => Text(s),
            "array" => new JsonArray(Json(s["items"], depth + 1)),
            "object" => Object(s, depth),
            _ => s["properties"] is JsonObject ? Object(s, depth) : null,
        };
    }

    /// <summary>An example of a route, query or header value: the route constraint decides first, then the schema.</summary>
    public static string Text(JsonNode? schema, string? constraint = null, bool catchAll = false)
    {
        if (catchAll)
        {
            return "example/path";
        }

        switch (constraint)
        {
            case "int" or "long":
                return "1";
            case "guid":
                return Guid;
            case "bool":
                return "true";
        }

        return Json(schema) switch
        {
            JsonValue value when value.TryGetValue<string>(out var text) => text,
            JsonValue value => value.ToJsonString(),
            _ => "example",
        };
    }

    /// <summary>The schema's type; for a list of types (<c>["string","null"]</c>) the first that is not null.</summary>
    private static string? Type(JsonObject schema) => schema["type"] switch
    {
        JsonValue value => value.GetValue<string>(),
        JsonArray types => types.Select(t => t?.GetValue<string>()).FirstOrDefault(t => t is not "null"),
        _ => null,
    };

    private static string Text(JsonObject schema) => (string?)schema["format"] switch
    {
        "uuid" => Guid,
        "date-time" => "2024-01-02T03:04:05Z",
        "date" => "2024-01-02",
        "time" => "03:04:05",
        "duration" => "00:01:00",
        "uri" => "https://example.com/",
        "email" => "user@example.com",
        _ => "example",
    };

    private static JsonObject Object(JsonObject schema, int depth)
    {
        var result = new JsonObject();
        if (schema["properties"] is JsonObject properties)
        {
            foreach (var (name, property) in properties)
            {
                result[name] = Json(property, depth + 1);
            }
        }

        return result;
    }
}
