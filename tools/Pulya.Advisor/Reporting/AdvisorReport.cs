using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Pulya.Advisor.Candidates;
using Pulya.Advisor.Measuring;

namespace Pulya.Advisor.Reporting;

/// <summary>The advisor's report: <c>advice.md</c>, the chart <c>advice.svg</c>, and the appsettings.json snippet.</summary>
internal static class AdvisorReport
{
    /// <summary>The <c>appsettings.json</c> fragment that selects <paramref name="candidate"/>'s settings (empty object for the defaults).</summary>
    public static string Snippet(Candidate candidate)
    {
        var pulya = new JsonObject();
        foreach (var (key, value) in candidate.Settings)
        {
            var parts = key.Split(':');
            var node = pulya;
            foreach (var part in parts[..^1])
            {
                node = node[part] as JsonObject ?? (JsonObject)(node[part] = new JsonObject());
            }

            node[parts[^1]] = bool.TryParse(value, out var flag) ? JsonValue.Create(flag) : JsonValue.Create(value);
        }

        return new JsonObject { ["Pulya"] = pulya }.ToJsonString(new() { WriteIndented = true });
    }

    /// <summary>The summaries the verdict rests on: the last phase that ran, per candidate.</summary>
    public static IReadOnlyList<CandidateSummary> Final(IReadOnlyList<CandidateSummary> summaries) =>
        summaries.Count == 0 ? [] : [.. summaries.Where(s => s.Phase == summaries.Max(x => x.Phase))];

    public static string Markdown(AdvisorResults results, string chartFile)
    {
        var md = new StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"# Pulya advisor — {results.Started:yyyy-MM-dd HH:mm} UTC").AppendLine();
        md.AppendLine("Settings: " + string.Join(", ", results.Settings.Select(kv => $"{kv.Key} {kv.Value}"))).AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"**Recommendation: {results.Verdict.Text}.**").AppendLine();
        if (results.Problems.Count > 0)
        {
            md.AppendLine("**The figures of this run cannot be used:**").AppendLine();
            foreach (var problem in results.Problems)
            {
                md.AppendLine("- " + Escape(problem));
            }

            md.AppendLine();
        }

        md.AppendLine("Medians over the rounds, each round a fresh process per candidate, candidates interleaved; the range is the slowest and the fastest round. "
            + "A candidate is recommended only when its slowest round beats the defaults' fastest, its median gain exceeds the spread of either, and its p99 is not worse beyond the noise.").AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"![req/s, latency, allocations, start-up and memory per candidate]({chartFile})").AppendLine();

        foreach (var phase in results.Summaries.Select(s => s.Phase).Distinct().Order())
        {
            var rows = results.Summaries.Where(s => s.Phase == phase).ToList();
            var defaults = rows.FirstOrDefault(r => r.Candidate == Candidate.DefaultsName);
            md.AppendLine(phase == 1 ? "## One switch at a time" : "## The winners together").AppendLine();
            md.AppendLine("| candidate | req/s (rounds) | × defaults | p50 ms | p99 ms | alloc B/req | first response ms | peak working set MB | verdict |");
            md.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
            foreach (var r in rows)
            {
                var verdict = r.Candidate == Candidate.DefaultsName ? "reference"
                    : defaults is not null && Recommendation.Beats(r, defaults) ? "faster beyond the noise"
                    : defaults is not null && Recommendation.Beats(defaults, r) ? "slower beyond the noise" : "within the noise";
                md.AppendLine(CultureInfo.InvariantCulture,
                    $"| {Escape(r.Candidate)} | {Range(r.RequestsPerSecond, "N0")} | {(defaults is null ? "–" : (r.RequestsPerSecond.Median / defaults.RequestsPerSecond.Median).ToString("0.00", CultureInfo.InvariantCulture) + "x")} "
                    + $"| {Range(r.P50Ms, "0.000")} | {Range(r.P99Ms, "0.00")} | {(r.AllocatedBytesPerRequest is { } a ? Range(a, "N0") : "not read")} | {Range(r.FirstResponseMs, "0")} | {Range(r.PeakWorkingSetMb, "0")} | {verdict} |");
            }

            md.AppendLine();
        }

        md.AppendLine("## Correctness").AppendLine();
        md.AppendLine("Every candidate answered the whole mix before it was timed; a candidate whose status, media type or body (JSON compared as values) differs from the defaults' is excluded. "
            + "A request whose answer differs between two calls to the defaults is compared by status only.").AppendLine();
        md.AppendLine("| candidate | answers | |").AppendLine("| --- | --- | --- |");
        foreach (var check in results.Checks)
        {
            md.AppendLine(CultureInfo.InvariantCulture,
                $"| {Escape(check.Candidate)} | {(check.Passed ? "same as the defaults" : "**differ: excluded**")} | {Escape(string.Join("; ", check.Differences.Take(3)) + (check.Differences.Count > 3 ? $"; … {check.Differences.Count - 3} more" : ""))} |");
        }

        md.AppendLine().AppendLine("## Request mix").AppendLine();
        var timed = results.Mix.Count(m => m.Timed);
        md.AppendLine(CultureInfo.InvariantCulture, $"{results.Mix.Count} request(s), {timed} timed (those the defaults answered with 2xx), each weighted equally.").AppendLine();
        md.AppendLine("| source | request | defaults' status | timed | answer varies |").AppendLine("| --- | --- | ---: | --- | --- |");
        foreach (var group in results.Mix.GroupBy(m => (m.Source, m.Status, m.Timed, m.Varies)).Where(g => g.Count() > 12))
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"| {group.Key.Source} | {group.Count()} requests, e.g. {Escape(group.First().Label)} | {group.Key.Status} | {(group.Key.Timed ? "yes" : "no")} | {(group.Key.Varies ? "yes" : "no")} |");
        }

        foreach (var m in results.Mix.GroupBy(m => (m.Source, m.Status, m.Timed, m.Varies)).Where(g => g.Count() <= 12).SelectMany(g => g))
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"| {m.Source} | {Escape(m.Label)} | {m.Status} | {(m.Timed ? "yes" : "no")} | {(m.Varies ? "yes" : "no")} |");
        }

        md.AppendLine().AppendLine("## appsettings.json").AppendLine();
        md.AppendLine(results.Verdict.Recommended is null ? "Nothing to change: keep the defaults." : "Paste into the application's appsettings.json:").AppendLine();
        md.AppendLine("```json").AppendLine(results.Snippet).AppendLine("```");
        return md.ToString();
    }

    /// <summary>The summaries as a fixed-width table for the console: medians with the range over the rounds.</summary>
    public static string ConsoleTable(IReadOnlyList<CandidateSummary> summaries)
    {
        var text = new StringBuilder();
        var width = Math.Max(12, summaries.Count == 0 ? 0 : summaries.Max(s => s.Candidate.Length));
        text.AppendLine(CultureInfo.InvariantCulture, $"{"candidate".PadRight(width)}  {"req/s (rounds)",-26}  {"p50 ms",8}  {"p99 ms",8}  {"B/req",7}  {"first ms",8}  {"WS MB",5}");
        foreach (var s in summaries)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"{s.Candidate.PadRight(width)}  {Range(s.RequestsPerSecond, "N0"),-26}  {s.P50Ms.Median,8:0.000}  {s.P99Ms.Median,8:0.00}  {(s.AllocatedBytesPerRequest is { } a ? a.Median.ToString("N0", CultureInfo.InvariantCulture) : "–"),7}  {s.FirstResponseMs.Median,8:0}  {s.PeakWorkingSetMb.Median,5:0}");
        }

        return text.ToString();
    }

    /// <summary>One panel per figure, one bar per candidate (median, whisker from the lowest to the highest round).</summary>
    public static string Chart(AdvisorResults results)
    {
        var final = Final(results.Summaries);
        var candidates = final.Select(s => s.Candidate).ToList();
        var phase = final.Count > 0 ? final[0].Phase : 1;
        var samples = results.Samples.Where(s => s.Phase == phase).ToList();
        BarPanel Panel(string title, string unit, Func<RoundSample, double?> pick) =>
            new(title, unit, [.. samples.GroupBy(s => s.Candidate).Select(g => (g.Key, Values: g.Select(pick).OfType<double>().ToList()))
                .Where(g => g.Values.Count > 0).Select(g => BarValue.Of(g.Key, "", g.Values))]);
        BarPanel[] panels =
        [
            Panel("req/s (higher is better)", "req/s", s => s.RequestsPerSecond),
            Panel("p50 latency (lower is better)", "ms", s => s.P50Ms),
            Panel("p99 latency (lower is better)", "ms", s => s.P99Ms),
            Panel("allocated bytes per request (lower is better)", "B/req", s => s.AllocatedBytesPerRequest),
            Panel("first response after start (lower is better)", "ms", s => s.FirstResponseMs),
            Panel("peak working set (lower is better)", "MB", s => s.PeakWorkingSetMb),
        ];
        return SvgChart.Bars($"Pulya advisor: median of {results.Settings.GetValueOrDefault("rounds")} rounds per candidate, whiskers from the lowest to the highest round",
            candidates, [""], [.. panels.Where(p => p.Values.Count > 0)]);
    }

    private static string Range(Spread spread, string format) =>
        string.Create(CultureInfo.InvariantCulture, $"{spread.Median.ToString(format, CultureInfo.InvariantCulture)} ({spread.Min.ToString(format, CultureInfo.InvariantCulture)}–{spread.Max.ToString(format, CultureInfo.InvariantCulture)})");

    private static string Escape(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" ");
}
