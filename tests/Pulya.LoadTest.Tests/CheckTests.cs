using static Pulya.LoadTest.Tests.RunData;

namespace Pulya.LoadTest.Tests;

public sealed class CheckTests
{
    private static readonly HashSet<string> RoadmapOnly = [Report.Roadmap];
    private static readonly HashSet<string> CeilingOnly = [Report.Ceiling];

    [Fact]
    public void Targets_met_with_every_figure_present_pass()
    {
        var check = Report.Check(Results([Row("baseline", 100_000, 2, 10, 700), Row("optimized", 250_000, 1, 5, 100)]), RoadmapOnly);

        Assert.True(check.Passed, string.Join("; ", check.Failures));
        Assert.Contains("PASS 2.50x", check.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missed_target_fails()
    {
        var check = Report.Check(Results([Row("baseline", 100_000, 2, 10, 700), Row("optimized", 150_000, 1, 5, 100)]), RoadmapOnly);

        var failure = Assert.Single(check.Failures);
        Assert.Contains("req/s: 1.50x", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_figure_fails_instead_of_counting_as_met()
    {
        // Allocations are not read for pipelined runs under --counters first.
        var check = Report.Check(Results([Row("baseline", 100_000, 2, 10, null), Row("optimized", 250_000, 1, 5, null)]), RoadmapOnly);

        Assert.Contains("github pipelined alloc/req: figure missing", Assert.Single(check.Failures), StringComparison.Ordinal);
        Assert.Contains("MISSING", check.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_scenario_the_baseline_did_not_run_is_missing()
    {
        var check = Report.Check(Results([Row("baseline", 100_000, 2, 10, 700, scenario: "root"), Row("optimized", 250_000, 1, 5, 100)]), RoadmapOnly);

        Assert.Equal(4, check.Failures.Count);
    }

    [Theory]
    [InlineData("baseline")]
    [InlineData("optimized")]
    public void A_gated_comparison_whose_server_did_not_run_fails(string present)
    {
        var check = Report.Check(Results([Row(present, 100_000, 2, 10, 700)]), RoadmapOnly);

        Assert.Contains("not measured", Assert.Single(check.Failures), StringComparison.Ordinal);
    }

    [Fact]
    public void Only_the_chosen_gates_decide()
    {
        // The roadmap targets are met; raw Kestrel is far ahead and the start-up figures are missing.
        var results = Results([Row("baseline", 100_000, 2, 10, 700), Row("optimized", 250_000, 1, 5, 100), Row("raw-kestrel", 500_000, 0.5, 2, 50)]);

        Assert.True(Report.Check(results, RoadmapOnly).Passed);
        var ceiling = Report.Check(results, CeilingOnly);
        Assert.Equal(
            ["ceiling: github pipelined req/s: 0.50x", "ceiling: github pipelined p99: 2.50x", "ceiling: first response (GitHub set): figure missing", "ceiling: idle working set: figure missing"],
            ceiling.Failures);
        Assert.True(Report.Check(results, new HashSet<string>()).Passed);
    }

    [Fact]
    public void The_start_up_targets_use_the_medians_of_the_rounds()
    {
        StartupSample Start(string server, string set, double ms, double mb) => new(server, set, 1, ms, mb, mb * 2);
        var results = Results(
            [Row("optimized", 490_000, 1, 2.1, 100), Row("raw-kestrel", 500_000, 1, 2, 50)],
            [Start("optimized", "github", 140, 60), Start("optimized", "github", 150, 60), Start("raw-kestrel", "github", 100, 50), Start("optimized", "sample", 100, 55), Start("raw-kestrel", "sample", 100, 50)]);

        var check = Report.Check(results, CeilingOnly);

        Assert.True(check.Passed, string.Join("; ", check.Failures));
        Assert.Contains("PASS 1.45x", check.Text, StringComparison.Ordinal);
    }
}
