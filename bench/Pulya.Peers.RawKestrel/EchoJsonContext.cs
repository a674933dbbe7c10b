using System.Text.Json.Serialization;

namespace Pulya.Peers.RawKestrel;

/// <summary>Source-generated JSON for the echo body: the fastest System.Text.Json path, as a hand-tuned server would use.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(EchoBody))]
internal sealed partial class EchoJsonContext : JsonSerializerContext;

internal sealed class EchoBody
{
    public List<EchoItem> Items { get; set; } = [];
}

internal sealed class EchoItem
{
    public string? A { get; set; }
    public string? B { get; set; }
    public string? C { get; set; }
    public string? D { get; set; }
    public string? E { get; set; }
    public string? F { get; set; }
    public string? G { get; set; }
}
