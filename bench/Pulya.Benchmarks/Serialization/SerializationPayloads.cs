using Pulya.Sample;

namespace Pulya.Benchmarks.Serialization;

/// <summary>
/// The payloads of the serialization suites: small (one flat object), medium (the sample's echo body with 10 items,
/// ~1 KB of JSON) and large (the echo body with 1,000 items, ~100 KB of JSON).
/// </summary>
public static class SerializationPayloads
{
    public const string Small = "Small";
    public const string Medium = "Medium";
    public const string Large = "Large";

    public static IEnumerable<string> All => [Small, Medium, Large];

    public static (object Value, Type Type) Create(string payload) => payload switch
    {
        Small => (new FlatObject(42, "Ann Example", "ann@example.org", true, 98.5, new DateTime(2026, 11, 27, 4, 33, 28, DateTimeKind.Utc)), typeof(FlatObject)),
        Medium => (EchoBody(10), typeof(EchoBody)),
        Large => (EchoBody(1000), typeof(EchoBody)),
        _ => throw new ArgumentOutOfRangeException(nameof(payload), payload, "Small, Medium or Large."),
    };

    public static EchoBody EchoBody(int items) => new()
    {
        Items = [.. Enumerable.Range(0, items).Select(i => new EchoItem
        {
            A = $"v{i:D4}-a", B = $"v{i:D4}-b", C = $"v{i:D4}-c", D = $"v{i:D4}-d", E = $"v{i:D4}-e", F = $"v{i:D4}-f", G = $"v{i:D4}-g",
        })],
    };
}
