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
