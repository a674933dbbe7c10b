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
    public void A_stored_benchmark_missing_from_the_current_results_fails_a_new_one_does_not()
    {
        var findings = Comparer.Compare(
            Read("stored", (Linear, ReportFiles.Iterations(100, seed: 1), null)),
            Read("current", (Trie, ReportFiles.Iterations(100, seed: 1), null)),
            Thresholds.Default);

        var added = Assert.Single(findings, f => f.Benchmark == Trie);
        var missing = Assert.Single(findings, f => f.Benchmark == Linear);
        Assert.Equal((Verdict.New, false), (added.Verdict, Comparer.Fails(added.Verdict)));
        Assert.Equal((Verdict.Missing, true), (missing.Verdict, Comparer.Fails(missing.Verdict)));
    }

    [Fact]
    public void A_benchmark_without_measured_iterations_is_unknown_and_fails()
    {
        var findings = Comparer.Compare(
            Read("stored", (Trie, ReportFiles.Iterations(100, seed: 1), null)),
            Read("current", (Trie, [], null)),
            Thresholds.Default);

        var finding = Assert.Single(findings);
        Assert.Equal(Verdict.Unknown, finding.Verdict);
        Assert.True(Comparer.Fails(finding.Verdict));
    }

    [Theory]
    [InlineData(0.05, 3)]
    [InlineData(0.01, 5)]
    [InlineData(0.001, 7)]
    public void The_minimum_iterations_are_those_whose_complete_separation_reaches_alpha(double alpha, int expected)
    {
        Assert.Equal(expected, Comparer.MinimumIterations(alpha));
    }

    [Fact]
    public void At_the_minimum_a_complete_separation_is_significant_and_below_it_the_comparison_is_refused()
    {
        var minimum = Comparer.MinimumIterations(0.01);
        double[] Run(int count, double median) => [.. Enumerable.Range(0, count).Select(i => median + (i * 0.01))];

        var flagged = Comparer.CompareSamples("x", Metric.Time, Run(minimum, 100), Run(minimum, 120), percent: 1, noise: 0.5, alpha: 0.01);
        var refused = Assert.Throws<InvalidDataException>(() => Comparer.CompareSamples("x", Metric.Time, Run(minimum - 1, 100), Run(minimum - 1, 120), percent: 1, noise: 0.5, alpha: 0.01));

        Assert.Equal(Verdict.Regression, flagged.Verdict);
        Assert.Contains($"needs at least {minimum} per side", refused.Message, StringComparison.Ordinal);
        Assert.Equal(["stored T: 4 iterations", "current T: 3 iterations"], Comparer.TooFewIterations(
            [new BenchmarkResult("T", "T", Run(4, 1), null), new BenchmarkResult("U", "U", [], null)],
            [new BenchmarkResult("T", "T", Run(3, 1), null)],
            0.01));
    }

    [Fact]
    public void The_one_sided_p_value_is_small_only_for_a_clear_slowdown()
    {
        double[] Run(double from) => [.. Enumerable.Range(0, 5).Select(i => from + i)];

        Assert.InRange(Comparer.OneSidedPValue(Run(10), Run(0)), 0, 0.01);
        Assert.InRange(Comparer.OneSidedPValue(Run(0), Run(0)), 0.4, 0.6);
        Assert.InRange(Comparer.OneSidedPValue(Run(0), Run(10)), 0.99, 1);
    }

    [Fact]
    public void The_detectable_shift_grows_with_the_spread_and_a_threshold_adds_to_it()
    {
        var tight = Comparer.DetectableShift(ReportFiles.Iterations(100, seed: 1, jitter: 0.002), ReportFiles.Iterations(100, seed: 2, jitter: 0.002), percent: 0, alpha: 0.01);
        var loose = Comparer.DetectableShift(ReportFiles.Iterations(100, seed: 1, jitter: 0.2), ReportFiles.Iterations(100, seed: 2, jitter: 0.2), percent: 0, alpha: 0.01);
        var withThreshold = Comparer.DetectableShift(ReportFiles.Iterations(100, seed: 1, jitter: 0.002), ReportFiles.Iterations(100, seed: 2, jitter: 0.002), percent: 1, alpha: 0.01);

        Assert.InRange(tight, 0.01, 1);
        Assert.True(loose > 10 * tight, $"±20% noise: {loose}% detectable, ±0.2%: {tight}%");
        Assert.InRange(withThreshold, 1, 2);
    }

    private IReadOnlyList<BenchmarkResult> Read(string name, params (string, double[], double?)[] benchmarks) => Read(name, null, benchmarks);

    private IReadOnlyList<BenchmarkResult> Read(string name, IReadOnlyDictionary<string, string>? baselines, params (string, double[], double?)[] benchmarks)
    {
        var directory = Path.Combine(_root, name);
        ReportFiles.Write(directory, "Pulya.Benchmarks.Routing.RouterBenchmarks", ReportFiles.Json(benchmarks), baselines);
        return ResultReader.Read(directory);
    }
}
