namespace Pulya.Soak;

/// <summary>One memory sample of the server.</summary>
internal sealed record Sample(double Seconds, long WorkingSet, long GcHeapAfterLastGc, long GcHeapNow, int Gen0, int Gen1, int Gen2, int? RouteCacheCount, int? RouteCacheCapacity, double RequestsPerSecond, string Router);

/// <summary>The outcome of one soak and its checks.</summary>
internal sealed record SoakResult(
    string Profile,
    string ProfileSource,
    IReadOnlyList<string> Arguments,
    IReadOnlyList<string> Dropped,
    string Router,
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
    IReadOnlyList<Sample> Samples,
    int ProcessorCount,
    string Runtime,
    string Machine)
{
    /// <summary>The growth limit over the second half of the run.</summary>
    public const double MaxGrowth = 0.10;

    public int? SigTermExitCode { get; init; }

    public double? SigTermStopSeconds { get; init; }

    public bool CacheWithinCapacity => RouteCacheMaxCount is null || RouteCacheCapacity is null || RouteCacheMaxCount <= RouteCacheCapacity;

    public bool Passed => UnexpectedStatuses == 0 && SocketErrors == 0 && WorkingSetGrowthSecondHalf < MaxGrowth && GcHeapGrowthSecondHalf < MaxGrowth
        && CacheWithinCapacity && SigTermExitCode is null or 0;

    public static SoakResult Create(SoakProfile profile, SoakOptions options, TimeSpan elapsed, long requests, long socketErrors,
        Dictionary<string, long> byRoute, Dictionary<string, long> unexpected, List<Sample> samples, int processors)
    {
        var duration = elapsed.TotalSeconds;
        return new SoakResult(
            profile.Name, profile.Source, profile.Arguments, profile.Dropped, samples.LastOrDefault()?.Router ?? "?",
            duration, options.Connections, options.FloodShare, requests, requests / duration, unexpected.Values.Sum(), socketErrors,
            byRoute, unexpected,
            Growth(samples, duration, s => s.WorkingSet), Growth(samples, duration, s => s.GcHeapAfterLastGc),
            samples.Max(s => s.WorkingSet), samples.Max(s => s.GcHeapAfterLastGc),
            samples.Max(s => s.RouteCacheCount), samples.LastOrDefault()?.RouteCacheCapacity,
            samples, processors, System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription,
            $"{Environment.MachineName}, {processors} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}");
    }

    /// <summary>Median over the last 10% of the run against the median around its middle (45%..55%): growth over the second half.</summary>
    private static double Growth(List<Sample> samples, double duration, Func<Sample, long> value)
    {
        var middle = samples.Where(s => s.Seconds >= duration * 0.45 && s.Seconds <= duration * 0.55).Select(value).ToList();
        var end = samples.Where(s => s.Seconds >= duration * 0.90 && s.Seconds <= duration).Select(value).ToList();
        if (middle.Count == 0 || end.Count == 0)
        {
            return double.NaN;
        }

        return (Median(end) / Median(middle)) - 1;
    }

    private static double Median(List<long> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2.0;
    }
}
