namespace Pulya.BenchCompare.Tests;

public sealed class ComparerTests : IDisposable
{
    private const string Linear = "Pulya.Benchmarks.Routing.RouterBenchmarks.Linear";
    private const string Trie = "Pulya.Benchmarks.Routing.RouterBenchmarks.Trie";
    private readonly string _root = Path.Combine(Path.GetTempPath(), "benchcompare-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Fact]
    public void A_deliberately_slowed_benchmark_is_reported_as_a_regression()
    {
        var stored = Read("stored", (Trie, ReportFiles.Iterations(100, seed: 1), 0));
        var current = Read("current", (Trie, ReportFiles.Iterations(110, seed: 2), 0));

        var findings = Comparer.Compare(stored, current, Thresholds.Default);

        var time = Assert.Single(findings, f => f.Metric == Metric.Time);
        Assert.Equal(Verdict.Regression, time.Verdict);
        Assert.InRange(time.Change!.Value, 0.05, 0.15);
    }

    [Fact]
    public void An_unchanged_benchmark_passes_although_its_iterations_differ_by_noise()
    {
        var stored = Read("stored", (Trie, ReportFiles.Iterations(100, seed: 1, jitter: 0.003), 96));
        var current = Read("current", (Trie, ReportFiles.Iterations(100, seed: 7, jitter: 0.003), 96));

        var findings = Comparer.Compare(stored, current, Thresholds.Default);

        Assert.DoesNotContain(findings, f => f.Verdict == Verdict.Regression);
        Assert.Equal(Verdict.Same, Assert.Single(findings, f => f.Metric == Metric.Allocations).Verdict);
    }

    [Fact]
    public void A_faster_benchmark_is_an_improvement_not_a_regression()
    {
        var findings = Comparer.Compare(
            Read("stored", (Trie, ReportFiles.Iterations(100, seed: 1), null)),
            Read("current", (Trie, ReportFiles.Iterations(80, seed: 2), null)),
            Thresholds.Default);

        Assert.Equal(Verdict.Improvement, Assert.Single(findings).Verdict);
    }

    [Fact]
    public void A_difference_below_the_absolute_noise_floor_is_not_a_regression()
    {
        // 2 ns → 2.2 ns is 10%, but below the 0.5 ns floor of timer noise.
        var findings = Comparer.Compare(
            Read("stored", (Trie, ReportFiles.Iterations(2, seed: 1, jitter: 0.001), null)),
            Read("current", (Trie, ReportFiles.Iterations(2.2, seed: 2, jitter: 0.001), null)),
            Thresholds.Default);

        Assert.Equal(Verdict.Same, Assert.Single(findings).Verdict);
    }

    [Theory]
    [InlineData(96, 104, "Regression")]
    [InlineData(96, 96.5, "Same")]
    [InlineData(0, 24, "Regression")]
    [InlineData(0, 0, "Same")]
    [InlineData(96, 48, "Improvement")]
    public void Any_allocation_increase_beyond_the_threshold_is_a_regression(double stored, double current, string expected)
    {
        var findings = Comparer.Compare(
            Read("stored", (Trie, ReportFiles.Iterations(100, seed: 1), stored)),
            Read("current", (Trie, ReportFiles.Iterations(100, seed: 1), current)),
            Thresholds.Default);

        Assert.Equal(Enum.Parse<Verdict>(expected), Assert.Single(findings, f => f.Metric == Metric.Allocations).Verdict);
    }

    [Fact]
    public void The_ratio_to_the_in_run_baseline_holds_on_a_slower_machine()
    {
        var baselines = new Dictionary<string, string> { [Linear] = Linear, [Trie] = Linear };
        var stored = Read("stored", baselines, (Linear, ReportFiles.Iterations(400, seed: 1), null), (Trie, ReportFiles.Iterations(100, seed: 2), null));
        // Everything twice as slow (another machine): absolute times regress, the Trie/Linear ratio does not.
        var current = Read("current", baselines, (Linear, ReportFiles.Iterations(800, seed: 3), null), (Trie, ReportFiles.Iterations(200, seed: 4), null));

        var findings = Comparer.Compare(stored, current, Thresholds.Default);

        var ratio = Assert.Single(findings, f => f.Metric == Metric.Ratio);
        Assert.Equal(Trie, ratio.Benchmark);
        Assert.Equal(Verdict.Same, ratio.Verdict);
        Assert.All(findings.Where(f => f.Metric == Metric.Time), f => Assert.Equal(Verdict.Regression, f.Verdict));
    }

    [Fact]
    public void A_worse_ratio_to_the_in_run_baseline_is_a_regression()
    {
        var baselines = new Dictionary<string, string> { [Linear] = Linear, [Trie] = Linear };
        var stored = Read("stored", baselines, (Linear, ReportFiles.Iterations(400, seed: 1), null), (Trie, ReportFiles.Iterations(100, seed: 2), null));
        var current = Read("current", baselines, (Linear, ReportFiles.Iterations(400, seed: 3), null), (Trie, ReportFiles.Iterations(150, seed: 4), null));

        var ratio = Assert.Single(Comparer.Compare(stored, current, Thresholds.Default), f => f.Metric == Metric.Ratio);

        Assert.Equal(Verdict.Regression, ratio.Verdict);
        Assert.Contains("Linear", ratio.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void New_and_missing_benchmarks_are_listed_but_are_not_regressions()
    {
        var findings = Comparer.Compare(
            Read("stored", (Linear, ReportFiles.Iterations(100, seed: 1), null)),
            Read("current", (Trie, ReportFiles.Iterations(100, seed: 1), null)),
            Thresholds.Default);

        Assert.Contains(findings, f => f.Benchmark == Trie && f.Verdict == Verdict.New);
        Assert.Contains(findings, f => f.Benchmark == Linear && f.Verdict == Verdict.Missing);
        Assert.DoesNotContain(findings, f => f.Verdict == Verdict.Regression);
    }

    [Fact]
    public void With_fewer_than_three_iterations_the_medians_are_compared()
    {
        var finding = Comparer.CompareSamples("x", Metric.Time, [100], [120], percent: 1, noise: 0.5, alpha: 0.01);

        Assert.Equal(Verdict.Regression, finding.Verdict);
        Assert.Contains("medians only", finding.Note, StringComparison.Ordinal);
    }

    private IReadOnlyList<BenchmarkResult> Read(string name, params (string, double[], double?)[] benchmarks) => Read(name, null, benchmarks);

    private IReadOnlyList<BenchmarkResult> Read(string name, IReadOnlyDictionary<string, string>? baselines, params (string, double[], double?)[] benchmarks)
    {
        var directory = Path.Combine(_root, name);
        ReportFiles.Write(directory, "Pulya.Benchmarks.Routing.RouterBenchmarks", ReportFiles.Json(benchmarks), baselines);
        return ResultReader.Read(directory);
    }
}
