using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Pulya.BenchCompare;

/// <summary>
/// <c>bench/thresholds.json</c>: how much worse a benchmark may get before it is reported. Relative thresholds in
/// percent (defaults: the roadmap's 1%), an absolute noise floor for time in nanoseconds (default 0.5 ns: below it a
/// difference is timer noise whatever the percentage), the significance level of the test (default 0.01), and
/// per-benchmark overrides matched by a wildcard pattern on the full name (first match wins).
/// </summary>
internal sealed record Thresholds(double TimePercent, double AllocationPercent, double RatioPercent, double NoiseNanoseconds, double Alpha, IReadOnlyList<ThresholdOverride> Overrides)
{
    public static Thresholds Default { get; } = new(1, 1, 1, 0.5, 0.01, []);

    public static Thresholds Load(string? file)
    {
        if (file is null)
        {
            return Default;
        }

        using var json = JsonDocument.Parse(File.ReadAllText(file), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var root = json.RootElement;
        var defaults = new Thresholds(
            Percent(root, "time", Default.TimePercent),
            Percent(root, "allocations", Default.AllocationPercent),
            Percent(root, "ratio", Default.RatioPercent),
            Number(root, "noiseNs", Default.NoiseNanoseconds),
            Number(root, "alpha", Default.Alpha),
            []);
        var overrides = new List<ThresholdOverride>();
        if (root.TryGetProperty("overrides", out var list))
        {
            foreach (var item in list.EnumerateArray())
            {
                var pattern = item.GetProperty("pattern").GetString() ?? throw new InvalidDataException($"{file}: an override has no pattern.");
                overrides.Add(new ThresholdOverride(
                    pattern,
                    Percent(item, "time", defaults.TimePercent),
                    Percent(item, "allocations", defaults.AllocationPercent),
                    Percent(item, "ratio", defaults.RatioPercent),
                    Number(item, "noiseNs", defaults.NoiseNanoseconds)));
            }
        }

        if (defaults.Alpha is <= 0 or >= 1)
        {
            throw new InvalidDataException($"{file}: alpha must be between 0 and 1.");
        }

        return defaults with { Overrides = overrides };
    }

    /// <summary>The thresholds for one benchmark: its first matching override, else the defaults.</summary>
    public (double TimePercent, double AllocationPercent, double RatioPercent, double NoiseNanoseconds) For(string fullName)
    {
        var match = Overrides.FirstOrDefault(o => o.Matches(fullName));
        return match is null
            ? (TimePercent, AllocationPercent, RatioPercent, NoiseNanoseconds)
            : (match.TimePercent, match.AllocationPercent, match.RatioPercent, match.NoiseNanoseconds);
    }

    /// <summary>Reads "1%" or 1 as one percent; rejects negative values.</summary>
    private static double Percent(JsonElement element, string name, double fallback)
    {
        if (!element.TryGetProperty(name, out var value))
        {
            return fallback;
        }

        var number = value.ValueKind == JsonValueKind.Number
            ? value.GetDouble()
            : double.Parse(value.GetString()!.TrimEnd('%', ' '), NumberStyles.Float, CultureInfo.InvariantCulture);
        return number >= 0 ? number : throw new InvalidDataException($"Threshold '{name}' must not be negative.");
    }

    private static double Number(JsonElement element, string name, double fallback) =>
        element.TryGetProperty(name, out var value) ? value.GetDouble() : fallback;
}

/// <summary>Thresholds for the benchmarks whose full name matches <see cref="Pattern"/> (<c>*</c> and <c>?</c> wildcards).</summary>
internal sealed record ThresholdOverride(string Pattern, double TimePercent, double AllocationPercent, double RatioPercent, double NoiseNanoseconds)
{
    public bool Matches(string fullName) =>
        Regex.IsMatch(fullName, "^" + Regex.Escape(Pattern).Replace("\\*", ".*", StringComparison.Ordinal).Replace("\\?", ".", StringComparison.Ordinal) + "$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
}
