using System.Text.RegularExpressions;

namespace Pulya.BenchCompare.Tests;

/// <summary>
/// The regression gate at the iteration count the benchmark workflow really runs (read from
/// <c>.github/workflows/benchmark.yml</c>) and the thresholds the repository really uses (<c>bench/thresholds.json</c>).
/// </summary>
public sealed class CiIterationCountTests
{
    private const string Stable = "Pulya.Benchmarks.Routing.RouterMatchBenchmarks.Dynamic_Trie";
    private static readonly string Root = RepositoryRoot();

    [Fact]
    public void The_workflow_runs_enough_iterations_for_the_significance_level()
    {
        Assert.True(CiIterations() >= Comparer.MinimumIterations(CiThresholds().Alpha));
    }

    [Fact]
    public void A_three_percent_slowdown_of_a_stable_benchmark_is_flagged()
    {
        var thresholds = CiThresholds();
        Assert.True(thresholds.For(Stable).TimePercent < 3, "a stable benchmark's time threshold must be below the slowdown it is expected to catch");

        var finding = Time(ReportFiles.Iterations(1000, seed: 1, count: CiIterations()), ReportFiles.Iterations(1030, seed: 2, count: CiIterations()), thresholds);

        Assert.Equal(Verdict.Regression, finding.Verdict);
        Assert.True(finding.DetectablePercent <= 3);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void An_a_a_comparison_of_a_stable_benchmark_is_not_flagged(int seed)
    {
        var finding = Time(ReportFiles.Iterations(1000, seed: 1, count: CiIterations()), ReportFiles.Iterations(1000, seed: seed, count: CiIterations()), CiThresholds());

        Assert.False(Comparer.Fails(finding.Verdict));
    }

    private static Finding Time(double[] stored, double[] current, Thresholds thresholds) =>
        Assert.Single(Comparer.Compare([new BenchmarkResult(Stable, "Trie", stored, null)], [new BenchmarkResult(Stable, "Trie", current, null)], thresholds));

    private static Thresholds CiThresholds() => Thresholds.Load(Path.Combine(Root, "bench", "thresholds.json"));

    private static int CiIterations()
    {
        var counts = Regex.Matches(File.ReadAllText(Path.Combine(Root, ".github", "workflows", "benchmark.yml")), @"--iterationCount (\d+)")
            .Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).Distinct().ToList();
        return Assert.Single(counts);
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Pulya.sln")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException("Pulya.sln not found above " + AppContext.BaseDirectory);
    }
}
