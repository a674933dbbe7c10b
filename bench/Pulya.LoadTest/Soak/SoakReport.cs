using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Pulya.LoadTest.Soak;

/// <summary>Writes a soak's result as <c>soak-{profile}.json</c>, a Markdown summary and an SVG chart of memory over time, and prints the summary.</summary>
internal static class SoakReport
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true, NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals };

    public static void Write(SoakResult result, string directory)
    {
        Directory.CreateDirectory(directory);
        var stem = Path.Combine(directory, $"soak-{result.Profile}");
        File.WriteAllText(stem + ".json", JsonSerializer.Serialize(result, Json));
        static IReadOnlyList<(double, double)> Mb(IEnumerable<SoakSample> samples, Func<SoakSample, long> value) => [.. samples.Select(s => (s.Seconds, value(s) / 1048576.0))];
        File.WriteAllText(stem + ".svg", SvgChart.Lines(
            string.Create(CultureInfo.InvariantCulture, $"Soak {result.Profile}: server memory over {result.DurationSeconds:0} s, {result.Requests:N0} requests (grey: windows compared)"),
            [("working set", Mb(result.Samples, s => s.WorkingSet)), ("GC heap after last GC", Mb(result.Samples, s => s.GcHeapAfterLastGc))],
            [(0.45, 0.55), (0.9, 1.0)]));
        var summary = Summary(result, Path.GetFileName(stem + ".svg"));
        File.WriteAllText(stem + ".md", summary);
        Console.WriteLine(summary);
    }

    public static string Summary(SoakResult r, string chart)
    {
        static string Mb(long bytes) => (bytes / 1048576.0).ToString("0.0", CultureInfo.InvariantCulture);
        static string Pct(double value) => double.IsNaN(value) ? "missing" : (value >= 0 ? "+" : string.Empty) + value.ToString("0.0%", CultureInfo.InvariantCulture);
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"## Soak `{r.Profile}`: {(r.Passed ? "PASS" : "FAIL")}").AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"- server arguments: `{string.Join(' ', r.Arguments)}`{(r.Failure is null ? "" : $"; **did not start**: {r.Failure}")}");
        text.AppendLine(CultureInfo.InvariantCulture, $"- {r.Connections} keep-alive connections; flood share {r.FloodShare:P0}; {r.DurationSeconds:0} s; {r.Machine}").AppendLine();
        text.AppendLine("| figure | value |").AppendLine("|---|---|");
        text.AppendLine(CultureInfo.InvariantCulture, $"| requests | {r.Requests:N0} ({r.RequestsPerSecond:N0} req/s) |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| unexpected statuses | {r.UnexpectedStatuses} |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| socket errors | {r.SocketErrors} |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| working set growth, second half | {Pct(r.WorkingSetGrowthSecondHalf)} (peak {Mb(r.PeakWorkingSet)} MB) |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| GC heap growth, second half | {Pct(r.GcHeapGrowthSecondHalf)} (peak {Mb(r.PeakGcHeap)} MB) |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| route cache entries, max | {(r.RouteCacheCapacity is null ? "no cache in this profile" : $"{r.RouteCacheMaxCount?.ToString(CultureInfo.InvariantCulture) ?? "missing"} / capacity {r.RouteCacheCapacity}")} |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| stop by SIGTERM | exit code {r.SigTermExitCode?.ToString(CultureInfo.InvariantCulture) ?? "missing"} after {r.SigTermStopSeconds:0.00} s |").AppendLine();
        text.AppendLine("| check | result |").AppendLine("|---|---|");
        foreach (var (check, passed) in r.Checks)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {check} | {(passed ? "PASS" : "**FAIL**")} |");
        }

        text.AppendLine().AppendLine("| request | count |").AppendLine("|---|---|");
        foreach (var (name, count) in r.RequestsByRoute)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| `{name}` | {count:N0} |");
        }

        foreach (var (what, count) in r.Unexpected)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| unexpected `{what}` | {count:N0} |");
        }

        return text.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"![memory over time]({chart})").ToString();
    }
}
