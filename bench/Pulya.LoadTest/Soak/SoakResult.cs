using Pulya.Bench;

namespace Pulya.LoadTest.Soak;

/// <summary>The outcome of one soak of one profile and its checks.</summary>
internal sealed record SoakResult(
    string Profile,
    IReadOnlyList<string> Arguments,
    double DurationSeconds,
    int Connections,
    double FloodShare,
    long Requests,
    double RequestsPerSecond,
    long UnexpectedStatuses,
    long SocketErrors,
    IReadOnlyDictionary<string, long> RequestsByRoute,
    IReadOnlyDictionary<string, long> Unexpected,
    double WorkingSetGrowthSecondHalf,
    double GcHeapGrowthSecondHalf,
    long PeakWorkingSet,
    long PeakGcHeap,
    int? RouteCacheMaxCount,
    int? RouteCacheCapacity,
    IReadOnlyList<SoakSample> Samples,
    string Machine,
    string? Failure = null)
{
    /// <summary>The growth limit over the second half of the run.</summary>
    public const double MaxGrowth = 0.10;

    public int? SigTermExitCode { get; init; }

    public double? SigTermStopSeconds { get; init; }

    /// <summary>
    /// Every check, with its verdict: a missing figure (no memory samples in a window, the cache's entry count not read
    /// while the profile enables the cache, no exit code) fails like a missed one.
    /// </summary>
    public IReadOnlyList<(string Check, bool Passed)> Checks =>
    [
        ("server started", Failure is null),
        ("requests answered", Requests > 0),
        ("unexpected statuses = 0", UnexpectedStatuses == 0),
        ("socket errors = 0", SocketErrors == 0),
        ("working set growth over the second half < 10%", WorkingSetGrowthSecondHalf < MaxGrowth),
        ("GC heap growth over the second half < 10%", GcHeapGrowthSecondHalf < MaxGrowth),
        ("route cache entries ≤ capacity", RouteCacheCapacity is null || (RouteCacheMaxCount is { } count && count <= RouteCacheCapacity)),
        ("exit code 0 after SIGTERM", SigTermExitCode == 0),
    ];

    public bool Passed => Checks.All(c => c.Passed);

    /// <summary>A profile that never answered: every figure missing.</summary>
    public static SoakResult Unavailable(string profile, IReadOnlyList<string> arguments, string failure, int connections, double flood) =>
        new(profile, arguments, 0, connections, flood, 0, 0, 0, 0, new Dictionary<string, long>(), new Dictionary<string, long>(), double.NaN, double.NaN, 0, 0, null, RouteCacheCapacityOf(arguments), [], Environment.MachineName, failure);

    public static SoakResult Create(string profile, IReadOnlyList<string> arguments, int connections, double flood, double duration, long requests, long socketErrors,
        IReadOnlyDictionary<string, long> byRoute, IReadOnlyDictionary<string, long> unexpected, IReadOnlyList<SoakSample> samples) =>
        new(
            profile, arguments, duration, connections, flood, requests, duration > 0 ? requests / duration : 0, unexpected.Values.Sum(), socketErrors,
            byRoute, unexpected,
            Growth(samples, duration, s => s.WorkingSet), Growth(samples, duration, s => s.GcHeapAfterLastGc),
            samples.Count == 0 ? 0 : samples.Max(s => s.WorkingSet), samples.Count == 0 ? 0 : samples.Max(s => s.GcHeapAfterLastGc),
            samples.Max(s => s.RouteCacheCount), RouteCacheCapacityOf(arguments),
            samples, $"{Environment.MachineName}, {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}");

    /// <summary>The route cache's capacity when the profile's arguments enable it (default 1000), else null.</summary>
    public static int? RouteCacheCapacityOf(IReadOnlyList<string> arguments)
    {
        string? Value(string key) => arguments.LastOrDefault(a => a.StartsWith($"--{key}=", StringComparison.OrdinalIgnoreCase))?[(key.Length + 3)..];
        return bool.TryParse(Value("Pulya:RouteCache:Enabled"), out var on) && on
            ? int.TryParse(Value("Pulya:RouteCache:Capacity"), System.Globalization.CultureInfo.InvariantCulture, out var capacity) ? capacity : 1000
            : null;
    }

    /// <summary>Median over the last 10% of the run against the median around its middle (45%..55%): growth over the second half; NaN without samples in either window.</summary>
    public static double Growth(IReadOnlyList<SoakSample> samples, double duration, Func<SoakSample, long> value)
    {
        var middle = samples.Where(s => s.Seconds >= duration * 0.45 && s.Seconds <= duration * 0.55).Select(s => (double)value(s)).ToList();
        var end = samples.Where(s => s.Seconds >= duration * 0.90 && s.Seconds <= duration).Select(s => (double)value(s)).ToList();
        return middle.Count == 0 || end.Count == 0 ? double.NaN : (Statistics.Median(end) / Statistics.Median(middle)) - 1;
    }
}
