using System.Globalization;
using System.Security;
using System.Text;
using System.Text.Json;

namespace Pulya.Soak;

/// <summary>Writes a soak's result as <c>soak-{profile}.json</c>, a Markdown summary and an SVG chart of memory over time, and prints the summary.</summary>
internal static class SoakReport
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true, NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals };

    public static void Write(SoakResult result, SoakOptions options)
    {
        Directory.CreateDirectory(options.Output);
        var stem = Path.Combine(options.Output, $"soak-{result.Profile}");
        File.WriteAllText(stem + ".json", JsonSerializer.Serialize(result, Json));
        File.WriteAllText(stem + ".svg", Chart(result));
        var summary = Summary(result, Path.GetFileName(stem + ".svg"));
        File.WriteAllText(stem + ".md", summary);
        Console.WriteLine(summary);
    }

    private static string Summary(SoakResult r, string chart)
    {
        string Mb(long bytes) => (bytes / 1048576.0).ToString("0.0", CultureInfo.InvariantCulture);
        string Pct(double value) => double.IsNaN(value) ? "n/a" : (value >= 0 ? "+" : string.Empty) + value.ToString("0.0%", CultureInfo.InvariantCulture);
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"## Soak `{r.Profile}`: {(r.Passed ? "PASS" : "FAIL")}");
        text.AppendLine();
        var dropped = r.Dropped.Count > 0 ? $"; dropped (module not registered): `{string.Join(' ', r.Dropped)}`" : string.Empty;
        text.AppendLine(CultureInfo.InvariantCulture, $"- profile: {r.ProfileSource}; server arguments: `{string.Join(' ', r.Arguments)}`{dropped}");
        text.AppendLine(CultureInfo.InvariantCulture, $"- router in use: {r.Router}; {r.Connections} keep-alive connections; flood share {r.FloodShare:P0}; {r.DurationSeconds:0} s; {r.Machine}; {r.Runtime}");
        text.AppendLine();
        text.AppendLine("| figure | value | check |");
        text.AppendLine("|---|---|---|");
        text.AppendLine(CultureInfo.InvariantCulture, $"| requests | {r.Requests:N0} ({r.RequestsPerSecond:N0} req/s) | |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| unexpected statuses | {r.UnexpectedStatuses} | must be 0 |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| socket errors | {r.SocketErrors} | must be 0 |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| working set growth, second half | {Pct(r.WorkingSetGrowthSecondHalf)} (peak {Mb(r.PeakWorkingSet)} MB) | < 10% |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| GC heap growth, second half | {Pct(r.GcHeapGrowthSecondHalf)} (peak {Mb(r.PeakGcHeap)} MB) | < 10% |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| route cache entries, max | {(r.RouteCacheMaxCount?.ToString(CultureInfo.InvariantCulture) ?? "n/a (no cache in use)")} / capacity {(r.RouteCacheCapacity?.ToString(CultureInfo.InvariantCulture) ?? "n/a")} | <= capacity |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| stop by SIGTERM | exit code {r.SigTermExitCode?.ToString(CultureInfo.InvariantCulture) ?? "?"} after {r.SigTermStopSeconds:0.00} s | exit code 0 |");
        text.AppendLine();
        text.AppendLine("| request | count |");
        text.AppendLine("|---|---|");
        foreach (var (name, count) in r.RequestsByRoute)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| `{name}` | {count:N0} |");
        }

        foreach (var (what, count) in r.Unexpected)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| unexpected `{what}` | {count:N0} |");
        }

        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"![memory over time]({chart})");
        return text.ToString();
    }

    /// <summary>Working set and GC heap (after the last GC) in MB over time, with the second-half window marked.</summary>
    private static string Chart(SoakResult r)
    {
        const int Width = 760, Height = 320, Left = 60, Right = 20, Top = 40, Bottom = 40;
        var samples = r.Samples;
        var maxX = Math.Max(1, samples.Count == 0 ? 1 : samples.Max(s => s.Seconds));
        var maxY = Math.Max(1, samples.Count == 0 ? 1 : samples.Max(s => s.WorkingSet) / 1048576.0) * 1.1;
        double X(double seconds) => Left + ((Width - Left - Right) * seconds / maxX);
        double Y(double mb) => Height - Bottom - ((Height - Top - Bottom) * mb / maxY);
        string Line(Func<Sample, long> value) => string.Join(' ', samples.Select(s => string.Create(CultureInfo.InvariantCulture, $"{X(s.Seconds):0.#},{Y(value(s) / 1048576.0):0.#}")));
        var svg = new StringBuilder();
        svg.AppendLine(CultureInfo.InvariantCulture, $"""<svg xmlns="http://www.w3.org/2000/svg" width="{Width}" height="{Height}" font-family="sans-serif" font-size="11">""");
        svg.AppendLine(CultureInfo.InvariantCulture, $"""<rect width="{Width}" height="{Height}" fill="white"/><text x="{Left}" y="18" font-size="13" font-weight="bold">{SecurityElement.Escape($"Soak {r.Profile}: server memory over {r.DurationSeconds:0} s, {r.Requests:N0} requests")}</text>""");
        svg.AppendLine(CultureInfo.InvariantCulture, $"""<rect x="{X(maxX * 0.45):0.#}" y="{Top}" width="{X(maxX * 0.55) - X(maxX * 0.45):0.#}" height="{Height - Top - Bottom}" fill="#f3f3f3"/><rect x="{X(maxX * 0.9):0.#}" y="{Top}" width="{X(maxX) - X(maxX * 0.9):0.#}" height="{Height - Top - Bottom}" fill="#f3f3f3"/>""");
        for (var t = 0; t <= 4; t++)
        {
            var mb = maxY * t / 4;
            svg.AppendLine(CultureInfo.InvariantCulture, $"""<line x1="{Left}" y1="{Y(mb):0.#}" x2="{Width - Right}" y2="{Y(mb):0.#}" stroke="#ddd"/><text x="{Left - 6}" y="{Y(mb) + 4:0.#}" text-anchor="end">{mb:0} MB</text>""");
            var seconds = maxX * t / 4;
            svg.AppendLine(CultureInfo.InvariantCulture, $"""<text x="{X(seconds):0.#}" y="{Height - Bottom + 16}" text-anchor="middle">{seconds:0} s</text>""");
        }

        svg.AppendLine(CultureInfo.InvariantCulture, $"""<polyline fill="none" stroke="#4e79a7" stroke-width="1.5" points="{Line(s => s.WorkingSet)}"/>""");
        svg.AppendLine(CultureInfo.InvariantCulture, $"""<polyline fill="none" stroke="#e15759" stroke-width="1.5" points="{Line(s => s.GcHeapAfterLastGc)}"/>""");
        svg.AppendLine(CultureInfo.InvariantCulture, $"""<rect x="{Left + 10}" y="{Top + 6}" width="10" height="10" fill="#4e79a7"/><text x="{Left + 24}" y="{Top + 15}">working set</text><rect x="{Left + 110}" y="{Top + 6}" width="10" height="10" fill="#e15759"/><text x="{Left + 124}" y="{Top + 15}">GC heap after last GC</text><text x="{Left + 290}" y="{Top + 15}" fill="#777">grey: windows compared (45–55% vs 90–100%)</text>""");
        svg.AppendLine("</svg>");
        return svg.ToString();
    }
}
