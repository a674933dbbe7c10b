namespace Pulya.BenchCompare.Tests;

/// <summary>The exit code of the command line, which is what CI acts on.</summary>
public sealed class CompareCommandTests : IDisposable
{
    private const string Type = "Pulya.Benchmarks.Routing.RouterBenchmarks";
    private const string Linear = Type + ".Linear";
    private const string Trie = Type + ".Trie";
    private readonly string _root = Path.Combine(Path.GetTempPath(), "benchcompare-" + Guid.NewGuid().ToString("N"));
    private readonly StringWriter _output = new();
    private readonly StringWriter _error = new();

    public void Dispose()
    {
        _output.Dispose();
        _error.Dispose();
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Fact]
    public async Task The_same_benchmarks_without_a_slowdown_pass_with_threshold_and_detectable_shift_per_row()
    {
        Write("stored", (Linear, ReportFiles.Iterations(400, seed: 1), 0), (Trie, ReportFiles.Iterations(100, seed: 2), 0));
        Write("current", (Linear, ReportFiles.Iterations(400, seed: 3), 0), (Trie, ReportFiles.Iterations(100, seed: 4), 0));

        Assert.Equal(0, await Run());
        Assert.Contains("| threshold | detectable |", _output.ToString(), StringComparison.Ordinal);
        Assert.Contains("No regression", _output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_regression_exits_1()
    {
        Write("stored", (Trie, ReportFiles.Iterations(100, seed: 1), 0));
        Write("current", (Trie, ReportFiles.Iterations(110, seed: 2), 0));

        Assert.Equal(1, await Run());
        Assert.Contains("**REGRESSION**", _output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stored_benchmark_that_did_not_run_exits_1()
    {
        Write("stored", (Linear, ReportFiles.Iterations(400, seed: 1), 0), (Trie, ReportFiles.Iterations(100, seed: 2), 0));
        Write("current", (Linear, ReportFiles.Iterations(400, seed: 3), 0));

        Assert.Equal(1, await Run());
        Assert.Contains("1 stored benchmark(s) missing", _output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_benchmark_that_failed_without_iterations_exits_1()
    {
        Write("stored", (Trie, ReportFiles.Iterations(100, seed: 1), 0));
        Write("current", (Trie, [], null));

        Assert.Equal(1, await Run());
        Assert.Contains("without measured iterations", _output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_current_folder_exits_2()
    {
        Write("stored", (Trie, ReportFiles.Iterations(100, seed: 1), 0));
        Directory.CreateDirectory(Path.Combine(_root, "current"));

        Assert.Equal(2, await Run());
        Assert.Contains("No benchmark results", _error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_short_job_with_three_iterations_is_refused_at_alpha_0_01()
    {
        Write("stored", (Trie, ReportFiles.Iterations(100, seed: 1, count: 3), 0));
        Write("current", (Trie, ReportFiles.Iterations(150, seed: 2, count: 3), 0));

        Assert.Equal(2, await Run());
        Assert.Contains("needs at least 5 measured iterations", _error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_a_a_run_of_a_stable_benchmark_confirms_a_one_percent_threshold()
    {
        Write("stored", (Trie, ReportFiles.Iterations(100, seed: 1, jitter: 0.003), 0));
        Write("current", (Trie, ReportFiles.Iterations(100, seed: 2, jitter: 0.003), 0));

        Assert.Equal(0, await Run("--aa"));
    }

    [Fact]
    public async Task An_a_a_run_whose_noise_hides_more_than_the_threshold_fails()
    {
        // ±20% noise between iterations: a 1% threshold claims what the test cannot see.
        Write("stored", (Trie, ReportFiles.Iterations(100, seed: 1, jitter: 0.2), 0));
        Write("current", (Trie, ReportFiles.Iterations(100, seed: 2, jitter: 0.2), 0));

        Assert.Equal(0, await Run());
        Assert.Equal(1, await Run("--aa"));
        Assert.Contains("time threshold 1% is below the", _output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_a_a_run_reporting_an_improvement_fails()
    {
        Write("stored", (Trie, ReportFiles.Iterations(100, seed: 1, jitter: 0.003), 0));
        Write("current", (Trie, ReportFiles.Iterations(90, seed: 2, jitter: 0.003), 0));

        Assert.Equal(0, await Run());
        Assert.Equal(1, await Run("--aa"));
        Assert.Contains("reported as an improvement", _output.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--bogus", "x")]
    [InlineData("--baseline")]
    [InlineData("--baseline", "x")]
    public async Task Bad_options_exit_2(params string[] args)
    {
        Assert.Equal(2, await CompareCommand.RunAsync(args, _output, _error));
        Assert.Contains("Usage", _error.ToString(), StringComparison.Ordinal);
    }

    private Task<int> Run(params string[] extra) => CompareCommand.RunAsync(
        ["--baseline", Path.Combine(_root, "stored"), "--current", Path.Combine(_root, "current"), "--thresholds", Thresholds(), "--markdown", Path.Combine(_root, "compare.md"), .. extra],
        _output,
        _error);

    private string Thresholds()
    {
        Directory.CreateDirectory(_root);
        var file = Path.Combine(_root, "thresholds.json");
        File.WriteAllText(file, """{ "time": "1%", "allocations": "1%", "ratio": "1%", "noiseNs": 0.5, "alpha": 0.01 }""");
        return file;
    }

    private void Write(string name, params (string, double[], double?)[] benchmarks) =>
        ReportFiles.Write(Path.Combine(_root, name), Type, ReportFiles.Json(benchmarks));
}
