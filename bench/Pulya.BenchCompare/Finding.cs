namespace Pulya.BenchCompare;

/// <summary>What was compared: time per operation, bytes allocated per operation, or the ratio to the in-run baseline.</summary>
internal enum Metric
{
    Time,
    Allocations,
    Ratio,
}

/// <summary>The outcome of one comparison.</summary>
internal enum Verdict
{
    Same,
    Regression,
    Improvement,
    New,
    Missing,
    Unknown,
}

/// <summary>
/// One benchmark and metric: the stored value, the current one, the verdict, the threshold applied and the smallest
/// slowdown this comparison could have detected (both in percent; null where nothing was tested).
/// </summary>
internal sealed record Finding(string Benchmark, Metric Metric, double? Baseline, double? Current, Verdict Verdict, string Note)
{
    public double? Change => Baseline is > 0 && Current is not null ? (Current.Value / Baseline.Value) - 1 : null;

    public double? ThresholdPercent { get; init; }

    public double? DetectablePercent { get; init; }
}
