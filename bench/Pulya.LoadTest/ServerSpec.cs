using System.Text.Json;

namespace Pulya.LoadTest;

/// <summary>
/// A server under test: the Pulya sample under one profile of <c>bench/profiles/</c>, or a peer. A profile file is
/// configuration in appsettings shape; its <c>Pulya</c> section becomes <c>--Pulya:Key=Value</c> arguments.
/// </summary>
internal sealed record ServerSpec(string Name, string Kind, string Project, string Assembly, IReadOnlyList<string> Arguments, string Description)
{
    public const string MinimalApi = "minimal-api";
    public const string RawKestrel = "raw-kestrel";

    public bool IsPeer => Kind == "peer";

    public static ServerSpec Peer(string root, string name) => name switch
    {
        MinimalApi => new(name, "peer", Path.Combine(root, "bench", "Pulya.Peers.MinimalApi"), "Pulya.Peers.MinimalApi.dll", [], "ASP.NET Core Minimal APIs"),
        RawKestrel => new(name, "peer", Path.Combine(root, "bench", "Pulya.Peers.RawKestrel"), "Pulya.Peers.RawKestrel.dll", [], "raw Kestrel IHttpApplication, hand-written dispatch"),
        _ => throw new ArgumentException($"Unknown peer '{name}'. Peers: {MinimalApi}, {RawKestrel}.", nameof(name)),
    };

    public static ServerSpec Profile(string root, string file)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(file), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var args = new List<string>();
        var description = json.RootElement.TryGetProperty("Description", out var d) ? d.GetString() ?? "" : "";
        foreach (var property in json.RootElement.EnumerateObject().Where(p => p.Name != "Description"))
        {
            Flatten(property.Name, property.Value, args);
        }

        return new(Path.GetFileNameWithoutExtension(file), "profile", Path.Combine(root, "samples", "Pulya.Sample"), "Pulya.Sample.dll", args, description);
    }

    public string AssemblyPath => Path.Combine(Project, "bin", "Release", "net10.0", Assembly);

    private static void Flatten(string prefix, JsonElement value, List<string> args)
    {
        if (value.ValueKind == JsonValueKind.Object)
        {
            foreach (var child in value.EnumerateObject())
            {
                Flatten($"{prefix}:{child.Name}", child.Value, args);
            }
        }
        else if (value.ValueKind == JsonValueKind.Array)
        {
            var i = 0;
            foreach (var item in value.EnumerateArray())
            {
                Flatten($"{prefix}:{i++}", item, args);
            }
        }
        else
        {
            var text = value.ValueKind switch
            {
                JsonValueKind.True => "true",
                JsonValueKind.False => "false",
                JsonValueKind.String => value.GetString(),
                _ => value.GetRawText(),
            };
            args.Add($"--{prefix}={text}");
        }
    }
}
