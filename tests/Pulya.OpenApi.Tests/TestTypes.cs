using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using Pulya.Http;

namespace Pulya.OpenApi.Tests;

public enum Color
{
    Red,
    DarkBlue,
}

public sealed class Clock
{
    public DateTime Now => DateTime.UtcNow;
}

public sealed record Order(int Id, string Name, string? Note = null);

public sealed record Page<T>(IReadOnlyList<T> Items, string? Next);

public sealed record Profile(string Name, string? Nickname)
{
    public PulyaFile? Picture { get; set; }
}

/// <summary>A text-parsable type (static TryParse): bound from the query as a string.</summary>
public readonly record struct Point(int X, int Y) : IParsable<Point>
{
    public static Point Parse(string s, IFormatProvider? provider) => TryParse(s, provider, out var p) ? p : throw new FormatException();

    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out Point result)
    {
        var parts = s?.Split(',');
        result = parts is { Length: 2 } && int.TryParse(parts[0], provider, out var x) && int.TryParse(parts[1], provider, out var y) ? new Point(x, y) : default;
        return parts is { Length: 2 };
    }
}

public sealed class Shapes
{
    public Dictionary<string, int> ByName { get; set; } = [];

    public Color? Color { get; set; }

    public int? Count { get; set; }

    public object? Any { get; set; }

    public Shapes? Self { get; set; }

    public List<int>? List { get; set; }

    [JsonPropertyName("renamed")]
    public string X { get; set; } = "";

    public required string Must { get; set; }

    public string WriteOnly
    {
        set => _ = value;
    }

    public Other.Order? Other { get; set; }
}

public static class Other
{
    public sealed record Order(long Number);
}

public sealed class Unusual
{
    public Int128 Huge { get; set; }

    public Version? Version { get; set; }

    public Half Small { get; set; }

    [JsonInclude]
    public string? Field;

    [JsonInclude]
    public string Required = "";
}

public sealed class Contracted
{
    public string Value { get; set; } = "";
}

/// <summary>A resolver that describes <see cref="Contracted"/> itself: one property named <c>custom</c>, not tied to a member.</summary>
public sealed class ContractResolver : System.Text.Json.Serialization.Metadata.IJsonTypeInfoResolver
{
    public System.Text.Json.Serialization.Metadata.JsonTypeInfo? GetTypeInfo(Type type, System.Text.Json.JsonSerializerOptions options)
    {
        if (type != typeof(Contracted))
        {
            return null;
        }

        var info = System.Text.Json.Serialization.Metadata.JsonTypeInfo.CreateJsonTypeInfo<Contracted>(options);
        info.CreateObject = () => new Contracted();
        var property = info.CreateJsonPropertyInfo(typeof(string), "custom");
        property.Get = o => ((Contracted)o).Value;
        property.IsGetNullable = false;
        info.Properties.Add(property);
        return info;
    }
}
