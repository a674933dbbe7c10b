using System.Text.Json.Nodes;

namespace Pulya.Advisor.Mix;

/// <summary>
/// The file an application writes at start-up under <c>--Pulya:RouteTableFile=PATH</c>: the selected and registered
/// modules, each module section's <c>Enabled</c> value, and every route with its parameters and body as JSON schemas.
/// </summary>
internal sealed class RouteTable(JsonNode document)
{
    /// <summary>The configuration key the application reads.</summary>
    public const string ConfigurationKey = "Pulya:RouteTableFile";

    public static RouteTable Parse(string json) =>
        new(JsonNode.Parse(json) ?? throw new InvalidDataException("The route table file is empty."));

    /// <summary>The module selected for a kind (<c>Router</c>, <c>Serializer</c>, <c>Binder</c>, <c>PoolProvider</c>).</summary>
    public string? Selected(string kind) => (string?)document["selected"]?[kind];

    /// <summary>The names registered for a kind, in registration order.</summary>
    public IReadOnlyList<string> Registered(string kind) =>
        document["registered"]?[kind] is JsonArray names ? [.. names.Select(n => (string)n!)] : [];

    /// <summary>Module sections (<c>Pulya:&lt;name&gt;</c>) and whether each is enabled now.</summary>
    public IReadOnlyList<(string Name, bool Enabled)> Sections =>
        document["sections"] is JsonObject sections ? [.. sections.Select(kv => (kv.Key, (bool)kv.Value!))] : [];

    /// <summary>One request per route (HEAD routes the framework adds are not listed), with example values.</summary>
    public IReadOnlyList<MixRequest> Requests()
    {
        var requests = new List<MixRequest>();
        foreach (var route in document["routes"]?.AsArray() ?? [])
        {
            var method = (string)route!["method"]!;
            var template = (string)route["template"]!;
            var path = template;
            var query = new List<string>();
            var headers = new List<KeyValuePair<string, string>>();
            foreach (var parameter in route["parameters"]?.AsArray() ?? [])
            {
                var name = (string)parameter!["name"]!;
                var value = ExampleValues.Text(parameter["schema"], (string?)parameter["constraint"], (bool?)parameter["catchAll"] ?? false);
                switch ((string?)parameter["source"])
                {
                    case "route":
                        path = ReplaceParameter(path, name, value);
                        break;
                    case "query":
                        query.Add($"{Uri.EscapeDataString(name)}={Uri.EscapeDataString(value)}");
                        break;
                    case "header":
                        headers.Add(new(name, value));
                        break;
                }
            }

            byte[]? body = null;
            if (route["body"] is { } schema)
            {
                body = System.Text.Encoding.UTF8.GetBytes(ExampleValues.Json(schema)?.ToJsonString() ?? "null");
                headers.Add(new("Content-Type", HttpRequestData.JsonContentType));
            }

            var target = path + (query.Count > 0 ? "?" + string.Join('&', query) : "");
            requests.Add(new MixRequest("routes", $"{method} {template}", new HttpRequestData(method, target, headers, body)));
        }

        return requests;
    }

    /// <summary>Replaces the parameter <paramref name="name"/> (<c>{name}</c>, <c>{name:int}</c>, <c>{*name}</c>, …) in a template.</summary>
    private static string ReplaceParameter(string template, string name, string value)
    {
        var escaped = string.Join('/', value.Split('/').Select(Uri.EscapeDataString));
        var start = 0;
        while ((start = template.IndexOf('{', start)) >= 0)
        {
            var end = template.IndexOf('}', start);
            var inner = template[(start + 1)..end].TrimStart('*');
            var parameterName = inner.Split(':', '=', '?')[0];
            if (parameterName == name)
            {
                return template[..start] + escaped + template[(end + 1)..];
            }

            start = end;
        }

        return template;
    }
}
