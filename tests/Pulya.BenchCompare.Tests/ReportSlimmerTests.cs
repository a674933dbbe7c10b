using System.Text.Json;
using System.Text.Json.Nodes;

namespace Pulya.BenchCompare.Tests;

/// <summary>
/// Slimming a full-JSON report (what bench/record-baselines.sh does to bench/baselines/) keeps everything the
/// comparison reads: the slimmed report reads as the same benchmarks and compares identically.
/// </summary>
public sealed class ReportSlimmerTests : IDisposable
{
    private const string Name = "Pulya.Benchmarks.Routing.RouterBenchmarks.Trie";
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
    public void A_slimmed_report_reads_as_the_same_benchmarks_without_the_unread_parts()
    {
        var full = FullReport();

        var slim = ReportSlimmer.Slim(full, "test");

        var before = Assert.Single(ResultReader.Parse(full, "full"));
        var after = Assert.Single(ResultReader.Parse(slim, "slim"));
        Assert.Equal((before.FullName, before.Method, before.AllocatedBytes), (after.FullName, after.Method, after.AllocatedBytes));
        Assert.Equal(before.IterationNanoseconds, after.IterationNanoseconds);
        var benchmark = JsonNode.Parse(slim)!["Benchmarks"]![0]!.AsObject();
        Assert.Equal(20, benchmark["Measurements"]!.AsArray().Count);
        Assert.Null(benchmark["HardwareIntrinsics"]);
        Assert.Null(benchmark["Metrics"]);
        Assert.Null(benchmark["Statistics"]!["Percentiles"]);
        Assert.NotNull(benchmark["Statistics"]!["Median"]);
        Assert.Equal("X64", JsonNode.Parse(slim)!["HostEnvironmentInfo"]!["Architecture"]!.GetValue<string>());
        Assert.True(slim.Length < full.Length / 2);
    }

    [Fact]
    public async Task The_command_slims_in_place_and_the_comparison_against_the_slimmed_reports_is_identical()
    {
        var stored = ReportFiles.Write(Path.Combine(_root, "stored"), "T", FullReport());
        var current = ReportFiles.Write(Path.Combine(_root, "current"), "T", ReportFiles.Json((Name, ReportFiles.Iterations(130, seed: 9), 64)));
        Assert.Equal(1, await CompareCommand.RunAsync(["--baseline", stored, "--current", current], _output, _error));
        var beforeSlimming = _output.ToString();
        _output.GetStringBuilder().Clear();

        Assert.Equal(0, await CompareCommand.RunAsync(["--slim", Path.Combine(_root, "stored")], _output, _error));
        Assert.Contains("Slimmed 1 report(s)", _output.ToString(), StringComparison.Ordinal);
        _output.GetStringBuilder().Clear();

        Assert.Equal(1, await CompareCommand.RunAsync(["--baseline", stored, "--current", current], _output, _error));
        Assert.Equal(beforeSlimming, _output.ToString());
        Assert.DoesNotContain("\"Warmup\"", await File.ReadAllTextAsync(stored), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Slimming_something_that_is_not_a_report_exits_2()
    {
        Directory.CreateDirectory(_root);
        await File.WriteAllTextAsync(Path.Combine(_root, "x-report-full.json"), """{"Title":"x"}""");

        Assert.Equal(2, await CompareCommand.RunAsync(["--slim", _root], _output, _error));
        Assert.Equal(2, await CompareCommand.RunAsync(["--slim", Path.Combine(_root, "none")], _output, _error));
        Assert.Contains("not a BenchmarkDotNet full-JSON report", _error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_stored_baselines_are_already_slim()
    {
        var files = Directory.GetFiles(Path.Combine(RepositoryRoot(), "bench", "baselines"), ResultReader.FilePattern);

        Assert.NotEmpty(files);
        Assert.All(files, file => Assert.Equal(File.ReadAllText(file), ReportSlimmer.Slim(File.ReadAllText(file), file)));
    }

    /// <summary>A report with what BenchmarkDotNet writes beside the measured iterations: other stages, full statistics, intrinsics, metrics.</summary>
    private static string FullReport()
    {
        var report = JsonNode.Parse(ReportFiles.Json((Name, ReportFiles.Iterations(100, seed: 1), 64)))!.AsObject();
        report["HostEnvironmentInfo"] = new JsonObject { ["Architecture"] = "X64", ["LogicalCoreCount"] = 2 };
        var benchmark = report["Benchmarks"]![0]!.AsObject();
        benchmark["DisplayInfo"] = "RouterBenchmarks.Trie: Job-X(IterationCount=20)";
        benchmark["HardwareIntrinsics"] = "AVX2";
        benchmark["Statistics"] = new JsonObject { ["N"] = 20, ["Median"] = 100.0, ["Percentiles"] = new JsonObject { ["P95"] = 101.0 }, ["OriginalValues"] = new JsonArray(1.0, 2.0) };
        benchmark["Metrics"] = new JsonArray(new JsonObject { ["Value"] = 1 });
        return report.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
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
