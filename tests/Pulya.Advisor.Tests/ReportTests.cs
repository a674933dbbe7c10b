using Pulya.Advisor.Correctness;
using Pulya.Advisor.Measuring;
using Pulya.Advisor.Reporting;

namespace Pulya.Advisor.Tests;

public sealed class ReportTests
{
    private static AdvisorResults Results(Verdict verdict, IReadOnlyList<string>? problems = null)
    {
        var samples = new List<RoundSample>();
        foreach (var (candidate, rps) in new[] { ("defaults", new[] { 1000.0, 1100 }), ("Router=Trie", [2000, 2100]) })
        {
            samples.AddRange(rps.Select((r, i) => new RoundSample(candidate, 1, i + 1, r, (long)r, 1, 2, 400, 300, 50, 60, 0, 0)));
        }

        return new AdvisorResults(
            DateTimeOffset.UnixEpoch,
            new() { ["rounds"] = "2" },
            [new MixEntry("routes", "GET /", 200, true, false), new MixEntry("routes", "POST /api/users", 401, false, false)],
            [new CheckOutcome("Router=Trie", true, []), new CheckOutcome("Serializer=MessagePack", false, ["GET /: Content-Type application/msgpack instead of application/json"])],
            samples,
            CandidateSummary.Of(samples),
            verdict,
            problems ?? [],
            "{}");
    }

    [Fact]
    public void The_markdown_has_the_recommendation_the_table_with_ranges_the_excluded_candidates_and_the_mix()
    {
        var markdown = AdvisorReport.Markdown(Results(new Verdict(["Router=Trie"], "Router=Trie", "use Router=Trie: 1.95x")), "advice.svg");

        Assert.Contains("**Recommendation: use Router=Trie: 1.95x.**", markdown, StringComparison.Ordinal);
        Assert.Contains("| Router=Trie | 2,050 (2,000–2,100) | 1.95x |", markdown, StringComparison.Ordinal);
        Assert.Contains("faster beyond the noise", markdown, StringComparison.Ordinal);
        Assert.Contains("| Serializer=MessagePack | **differ: excluded** | GET /: Content-Type application/msgpack", markdown, StringComparison.Ordinal);
        Assert.Contains("| routes | POST /api/users | 401 | no | no |", markdown, StringComparison.Ordinal);
        Assert.Contains("![req/s, latency", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void The_console_table_has_a_row_per_candidate_with_the_range_of_the_rounds()
    {
        var table = AdvisorReport.ConsoleTable(Results(new Verdict([], null, Recommendation.NoDifference)).Summaries);

        Assert.Equal(3, table.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains("Router=Trie   2,050 (2,000–2,100)", table, StringComparison.Ordinal);
    }

    [Fact]
    public void Problems_are_listed_and_say_the_figures_cannot_be_used()
    {
        var markdown = AdvisorReport.Markdown(Results(new Verdict([], null, "no recommendation: the figures of this run cannot be used"), ["defaults round 2: allocations were not read"]), "advice.svg");

        Assert.Contains("**The figures of this run cannot be used:**", markdown, StringComparison.Ordinal);
        Assert.Contains("- defaults round 2: allocations were not read", markdown, StringComparison.Ordinal);
        Assert.Contains("Nothing to change: keep the defaults.", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void The_chart_has_a_panel_per_figure_a_bar_and_whisker_per_candidate_and_a_legend()
    {
        var svg = AdvisorReport.Chart(Results(new Verdict([], null, Recommendation.NoDifference)));

        Assert.Contains("req/s (higher is better)", svg, StringComparison.Ordinal);
        Assert.Contains("allocated bytes per request", svg, StringComparison.Ordinal);
        Assert.Contains("Router=Trie: median 2050 req/s, rounds 2000–2100", svg, StringComparison.Ordinal);
        Assert.Contains("<path d=\"M", svg, StringComparison.Ordinal);
        Assert.Contains(">defaults</text>", svg, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(47_000, 10_000, 5)]
    [InlineData(9.6, 2, 5)]
    [InlineData(0.42, 0.1, 5)]
    [InlineData(130, 25, 6)]
    public void Axis_ticks_are_round_numbers(double max, double step, int count)
    {
        var (s, c) = SvgChart.Ticks(max);

        Assert.Equal(step, s, 9);
        Assert.Equal(count, c);
    }
}
