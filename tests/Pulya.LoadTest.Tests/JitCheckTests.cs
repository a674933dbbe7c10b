using static Pulya.LoadTest.Tests.RunData;

namespace Pulya.LoadTest.Tests;

/// <summary>The <c>jit</c> group of <c>--check</c>: the three endpoints against Minimal APIs (slim) and raw Kestrel, the sample against Minimal APIs.</summary>
public sealed class JitCheckTests
{
    private static readonly HashSet<string> JitOnly = [Report.Jit];

    [Fact]
    public void Every_target_met_passes()
    {
        var check = Report.Check(Run(trioMs: 200, minimalMs: 400, rawMs: 150, trioMb: 58, minimalMb: 70, rawMb: 52, trioPeakMb: 70, rawPeakMb: 64, trioRps: 400_000, trioP99: 2.0), JitOnly);

        Assert.True(check.Passed, string.Join("; ", check.Failures));
        Assert.Contains("Under the JIT: pulya-trio vs minimal-trio and raw Kestrel; the sample vs Minimal APIs — gate", check.Text, StringComparison.Ordinal);
        Assert.Contains("| user | PASS 1.00x | PASS 1.00x |", check.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_missed_target_fails_by_name()
    {
        var check = Report.Check(Run(trioMs: 500, minimalMs: 400, rawMs: 150, trioMb: 66, minimalMb: 64, rawMb: 52, trioPeakMb: 80, rawPeakMb: 64, trioRps: 300_000, trioP99: 3.0), JitOnly);

        Assert.Equal(
            [
                "jit: first response vs Minimal APIs (slim): 1.25x", "jit: first response vs raw Kestrel: 3.33x",
                "jit: idle working set vs Minimal APIs (slim): 1.03x", "jit: idle working set vs raw Kestrel: 1.27x",
                "jit: working set after load vs raw Kestrel: 1.25x",
                "jit: sample first response vs Minimal APIs: 1.25x", "jit: sample idle working set vs Minimal APIs: 1.03x",
                "jit: plaintext pipelined req/s vs raw Kestrel: 0.75x", "jit: plaintext pipelined p99 vs raw Kestrel: 1.50x",
                "jit: json pipelined req/s vs raw Kestrel: 0.75x", "jit: json pipelined p99 vs raw Kestrel: 1.50x",
                "jit: user pipelined req/s vs raw Kestrel: 0.75x", "jit: user pipelined p99 vs raw Kestrel: 1.50x",
            ],
            check.Failures);
    }

    [Fact]
    public void Without_the_peers_every_figure_is_missing()
    {
        var check = Report.Check(Results([Row(Report.PulyaTrio, 100, 1, 2, 10, "plaintext")], [Start(Report.PulyaTrio, 200, 58)]), JitOnly);

        Assert.False(check.Passed);
        Assert.All(check.Failures, f => Assert.EndsWith("figure missing", f, StringComparison.Ordinal));
        Assert.Equal(13, check.Failures.Count);
    }

    [Fact]
    public void Ungated_the_group_is_printed_when_the_trio_ran_and_fails_nothing()
    {
        var check = Report.Check(Results([Row(Report.PulyaTrio, 100, 1, 2, 10, "plaintext")], [Start(Report.PulyaTrio, 200, 58)]), new HashSet<string>());

        Assert.True(check.Passed);
        Assert.Contains("Under the JIT", check.Text, StringComparison.Ordinal);
    }

    private static RunResults Run(double trioMs, double minimalMs, double rawMs, double trioMb, double minimalMb, double rawMb, double trioPeakMb, double rawPeakMb, double trioRps, double trioP99)
    {
        var rows = Report.TrioScenarios.SelectMany(scenario => new[]
        {
            Row(Report.PulyaTrio, trioRps, 1, trioP99, null, scenario),
            Row(ServerSpec.RawKestrel, 400_000, 1, 2.0, null, scenario),
        });
        return Results(
            rows,
            [
                new StartupSample(Report.PulyaTrio, "sample", 1, trioMs, trioMb, trioPeakMb),
                new StartupSample(Report.MinimalTrio, "sample", 1, minimalMs, minimalMb, 90),
                new StartupSample(ServerSpec.RawKestrel, "sample", 1, rawMs, rawMb, rawPeakMb),
                new StartupSample(Report.Optimized, "sample", 1, trioMs, trioMb, trioPeakMb),
                new StartupSample(ServerSpec.MinimalApi, "sample", 1, minimalMs, minimalMb, 90),
            ]);
    }

    private static StartupSample Start(string server, double ms, double mb) => new(server, "sample", 1, ms, mb, mb * 1.2);
}
