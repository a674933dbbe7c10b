namespace Pulya.BenchCompare.Tests;

public sealed class ReaderAndThresholdsTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "benchcompare-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Fact]
    public void Only_the_workload_result_iterations_are_read_as_time_per_operation()
    {
        var file = ReportFiles.Write(_root, "T", ReportFiles.Json(("N.T.M", [10, 20, 30], 64)));

        var result = Assert.Single(ResultReader.Read(file));

        Assert.Equal([10, 20, 30], result.IterationNanoseconds.Select(v => Math.Round(v, 6)));
        Assert.Equal(64, result.AllocatedBytes);
        Assert.Equal(20, result.Median);
        Assert.Null(result.BaselineName);
    }

    [Fact]
    public void A_file_that_is_not_a_full_report_is_rejected_with_its_name()
    {
        Directory.CreateDirectory(_root);
        var file = Path.Combine(_root, "x-report-full.json");
        File.WriteAllText(file, """{"Title":"x"}""");

        var error = Assert.Throws<InvalidDataException>(() => ResultReader.Read(file));

        Assert.Contains(file, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_results_path_is_reported()
    {
        Assert.Throws<FileNotFoundException>(() => ResultReader.Read(Path.Combine(_root, "none")));
    }

    [Fact]
    public void Thresholds_file_sets_defaults_and_first_matching_override()
    {
        Directory.CreateDirectory(_root);
        var file = Path.Combine(_root, "thresholds.json");
        File.WriteAllText(file, """
            {
              "time": "2%", "allocations": 0, "ratio": 3, "noiseNs": 1, "alpha": 0.05,
              "overrides": [ { "pattern": "*.Pipeline.*", "time": "10%" }, { "pattern": "*", "time": "7%" } ]
            }
            """);

        var thresholds = Thresholds.Load(file);

        Assert.Equal((10, 0, 3, 1), thresholds.For("Pulya.Benchmarks.Pipeline.Sample.Root"));
        Assert.Equal((7, 0, 3, 1), thresholds.For("Pulya.Benchmarks.Headers.H.Get"));
        Assert.Equal(0.05, thresholds.Alpha);
    }

    [Fact]
    public void Without_a_file_the_threshold_is_the_roadmaps_one_percent()
    {
        Assert.Equal((1, 1, 1, 0.5), Thresholds.Load(null).For("any"));
    }

    [Fact]
    public void A_negative_threshold_is_rejected()
    {
        Directory.CreateDirectory(_root);
        var file = Path.Combine(_root, "bad.json");
        File.WriteAllText(file, """{ "time": "-1%" }""");

        Assert.Throws<InvalidDataException>(() => Thresholds.Load(file));
    }
}
