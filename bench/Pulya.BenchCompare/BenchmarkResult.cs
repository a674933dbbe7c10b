using Pulya.Bench;

namespace Pulya.BenchCompare;

/// <summary>
/// One benchmark of a BenchmarkDotNet full-JSON report: its identity, the time per operation of every measured
/// (workload, result) iteration in nanoseconds, the bytes allocated per operation when the memory diagnoser ran, and
/// the full name of its in-run baseline (from the <c>*-baselines.json</c> file that <c>BaselinesExporter</c> in
/// bench/Pulya.Benchmarks writes beside the report).
/// </summary>
internal sealed record BenchmarkResult(string FullName, string Method, IReadOnlyList<double> IterationNanoseconds, double? AllocatedBytes, string? BaselineName = null)
{
    public bool IsBaseline => BaselineName == FullName;

    public double Median => Statistics.Median(IterationNanoseconds);
}
