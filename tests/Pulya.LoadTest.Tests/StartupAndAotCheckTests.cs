using static Pulya.LoadTest.Tests.RunData;

namespace Pulya.LoadTest.Tests;

/// <summary>The <c>startup</c> and <c>aot</c> groups of <c>--check</c>.</summary>
public sealed class StartupAndAotCheckTests
{
    private static readonly HashSet<string> StartupOnly = [Report.Startup];
    private static readonly HashSet<string> AotOnly = [Report.Aot];

    [Theory]
    [InlineData(300, true)]
    [InlineData(380, false)]
    public void The_generated_binder_must_start_30_percent_faster_with_the_GitHub_set(double generatedMs, bool passes)
    {
        var results = Results([], startups: [Start(Report.OptimizedCompiled, "github", 450, 70), Start(Report.Optimized, "github", generatedMs, 60), Start(Report.Optimized, "sample", 1, 60)]);

        var check = Report.Check(results, StartupOnly);

        Assert.Equal(passes, check.Passed);
        Assert.Contains("JIT start-up: generated binder vs expression-tree compiler — gate", check.Text, StringComparison.Ordinal);
        Assert.Contains(passes ? "PASS 0.67x" : "FAIL 0.84x", check.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_the_compiled_profile_the_startup_gate_fails_as_missing()
    {
        var check = Report.Check(Results([], startups: [Start(Report.Optimized, "github", 450, 70)]), StartupOnly);

        Assert.Contains("figure missing", Assert.Single(check.Failures), StringComparison.Ordinal);
    }

    [Fact]
    public void The_startup_and_aot_groups_are_left_out_when_neither_gated_nor_run()
    {
        var check = Report.Check(Results([Row("optimized", 100, 1, 2, 10)], startups: [Start(Report.Optimized, "github", 450, 70)]), Report.DefaultGates);

        Assert.DoesNotContain("JIT start-up", check.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Native AOT", check.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Under the JIT", check.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Native_AOT_targets_met_pass()
    {
        var check = Report.Check(AotRun(aotMs: 60, rawMs: 55, jitMs: 400, aotMb: 20, rawMb: 18, aotRps: 98_000, jitRps: 100_000), AotOnly);

        Assert.True(check.Passed, string.Join("; ", check.Failures));
        Assert.Contains("Native AOT: pulya-aot vs raw-kestrel-aot and pulya-jit — gate", check.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_missed_Native_AOT_target_fails_by_name()
    {
        var check = Report.Check(AotRun(aotMs: 120, rawMs: 50, jitMs: 400, aotMb: 30, rawMb: 18, aotRps: 90_000, jitRps: 100_000), AotOnly);

        Assert.Equal(
            ["aot: first response vs raw Kestrel AOT: 2.40x", "aot: first response vs JIT: 0.30x", "aot: idle working set vs raw Kestrel AOT: 1.67x", "aot: working set after load vs Minimal APIs AOT: 1.20x", "aot: github pipelined req/s vs JIT: 0.90x"],
            check.Failures);
    }

    [Fact]
    public void Without_the_native_Pulya_server_the_aot_gate_is_not_measured()
    {
        var check = Report.Check(Results([Row(Report.PulyaJit, 100, 1, 2, 10)]), AotOnly);

        Assert.Contains("not measured: 'pulya-aot' unavailable or not given", Assert.Single(check.Failures), StringComparison.Ordinal);
    }

    [Fact]
    public void Without_the_raw_AOT_peer_its_ratios_are_missing()
    {
        var results = Results([Row(Report.PulyaAot, 100, 1, 2, 10), Row(Report.PulyaJit, 100, 1, 2, 10)], [Start(Report.PulyaAot, "sample", 50, 20), Start(Report.PulyaJit, "sample", 400, 60)]);

        var check = Report.Check(results, AotOnly);

        Assert.Equal(["aot: first response vs raw Kestrel AOT: figure missing", "aot: idle working set vs raw Kestrel AOT: figure missing", "aot: working set after load vs Minimal APIs AOT: figure missing"], check.Failures);
    }

    private static RunResults AotRun(double aotMs, double rawMs, double jitMs, double aotMb, double rawMb, double aotRps, double jitRps) =>
        Results(
            [Row(Report.PulyaAot, aotRps, 1, 2, 10), Row(Report.PulyaJit, jitRps, 1, 2, 10), Row(Report.RawKestrelAot, 120_000, 1, 2, 10)],
            [Start(Report.PulyaAot, "sample", aotMs, aotMb), Start(Report.RawKestrelAot, "sample", rawMs, rawMb), Start(Report.PulyaJit, "sample", jitMs, 60), Start(Report.MinimalAot, "sample", 60, 25)]);

    private static StartupSample Start(string server, string set, double ms, double mb) => new(server, set, 1, ms, mb, mb * 2);
}
