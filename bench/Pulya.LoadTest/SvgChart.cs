using System.Globalization;
using System.Security;
using System.Text;

namespace Pulya.LoadTest;

/// <summary>
/// The load tool's one chart writer (SVG, no dependencies): grouped bars of a load test's req/s and p99 per scenario,
/// server and mode (<see cref="Bars"/>), and lines of a soak's memory over time (<see cref="Lines"/>).
/// </summary>
internal static class SvgChart
{
    private static readonly string[] Colors = ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac"];

    /// <summary>One group per scenario, one bar per server, a panel of req/s and one of p99 for each mode.</summary>
    public static string Bars(IReadOnlyList<Summary> summaries, IReadOnlyList<string> servers, IReadOnlyList<string> scenarios)
    {
        const int PanelHeight = 260, Top = 40, Left = 70, BarWidth = 12, GroupGap = 18, LegendHeight = 24;
        var modes = summaries.Select(s => s.Mode).Distinct().ToList();
        var groupWidth = (servers.Count * BarWidth) + GroupGap;
        var width = Math.Max(640, Left + (scenarios.Count * groupWidth) + 20);
        var panels = modes.SelectMany(m => new[] { (Mode: m, Figure: "req/s"), (Mode: m, Figure: "p99 ms") }).ToList();
        var height = Top + LegendHeight + (panels.Count * (PanelHeight + 50));
        var svg = Start(width, height, Left, "Pulya load test: req/s (higher is better) and p99 latency (lower is better), medians");
        Legend(svg, Left, Top - 10, servers, 110);

        var y0 = Top + LegendHeight;
        foreach (var (mode, figure) in panels)
        {
            double Value(Summary s) => figure == "req/s" ? s.RequestsPerSecond : s.P99Ms;
            var rows = summaries.Where(s => s.Mode == mode).ToList();
            var max = rows.Count == 0 ? 1 : rows.Max(Value);
            max = max <= 0 ? 1 : max;
            svg.AppendLine(CultureInfo.InvariantCulture, $"""<text x="{Left}" y="{y0 + 14}" font-size="13" font-weight="bold">{figure}, {mode}</text>""");
            var baseY = y0 + PanelHeight;
            svg.AppendLine(CultureInfo.InvariantCulture, $"""<line x1="{Left}" y1="{baseY}" x2="{width - 10}" y2="{baseY}" stroke="#333"/>""");
            for (var t = 0; t <= 4; t++)
            {
                var ty = baseY - ((PanelHeight - 30) * t / 4.0);
                svg.AppendLine(CultureInfo.InvariantCulture, $"""<line x1="{Left}" y1="{ty:0.#}" x2="{width - 10}" y2="{ty:0.#}" stroke="#ddd"/><text x="{Left - 6}" y="{ty + 4:0.#}" text-anchor="end">{Axis(max * t / 4, figure)}</text>""");
            }

            for (var g = 0; g < scenarios.Count; g++)
            {
                var gx = Left + 10 + (g * groupWidth);
                for (var i = 0; i < servers.Count; i++)
                {
                    var row = rows.FirstOrDefault(r => r.Server == servers[i] && r.Scenario == scenarios[g]);
                    if (row is null)
                    {
                        continue;
                    }

                    var h = (PanelHeight - 30) * Value(row) / max;
                    svg.AppendLine(CultureInfo.InvariantCulture,
                        $"""<rect x="{gx + (i * BarWidth)}" y="{baseY - h:0.#}" width="{BarWidth - 2}" height="{h:0.#}" fill="{Colors[i % Colors.Length]}"><title>{SecurityElement.Escape($"{servers[i]} {scenarios[g]} {mode}: {Axis(Value(row), figure)} {figure}")}</title></rect>""");
                }

                svg.AppendLine(CultureInfo.InvariantCulture, $"""<text x="{gx + (servers.Count * BarWidth / 2.0):0.#}" y="{baseY + 14}" text-anchor="middle">{SecurityElement.Escape(scenarios[g])}</text>""");
            }

            y0 += PanelHeight + 50;
        }

        svg.AppendLine("</svg>");
        return svg.ToString();
    }

    /// <summary>
    /// One line per series over time (x: seconds, y: MB), with grey bands marking x ranges given as fractions of the
    /// run (the windows a soak compares).
    /// </summary>
    public static string Lines(string title, IReadOnlyList<(string Name, IReadOnlyList<(double Seconds, double Mb)> Points)> series, IReadOnlyList<(double From, double To)> bands)
    {
        const int Width = 760, Height = 320, Left = 60, Right = 20, Top = 40, Bottom = 40;
        var points = series.SelectMany(s => s.Points).ToList();
        var maxX = Math.Max(1, points.Count == 0 ? 1 : points.Max(p => p.Seconds));
        var maxY = Math.Max(1, points.Count == 0 ? 1 : points.Max(p => p.Mb)) * 1.1;
        double X(double seconds) => Left + ((Width - Left - Right) * seconds / maxX);
        double Y(double mb) => Height - Bottom - ((Height - Top - Bottom) * mb / maxY);
        var svg = Start(Width, Height, Left, title);
        foreach (var (from, to) in bands)
        {
            svg.AppendLine(CultureInfo.InvariantCulture, $"""<rect x="{X(maxX * from):0.#}" y="{Top}" width="{X(maxX * to) - X(maxX * from):0.#}" height="{Height - Top - Bottom}" fill="#f3f3f3"/>""");
        }

        for (var t = 0; t <= 4; t++)
        {
            var mb = maxY * t / 4;
            svg.AppendLine(CultureInfo.InvariantCulture, $"""<line x1="{Left}" y1="{Y(mb):0.#}" x2="{Width - Right}" y2="{Y(mb):0.#}" stroke="#ddd"/><text x="{Left - 6}" y="{Y(mb) + 4:0.#}" text-anchor="end">{mb:0} MB</text>""");
            svg.AppendLine(CultureInfo.InvariantCulture, $"""<text x="{X(maxX * t / 4):0.#}" y="{Height - Bottom + 16}" text-anchor="middle">{maxX * t / 4:0} s</text>""");
        }

        for (var i = 0; i < series.Count; i++)
        {
            var line = string.Join(' ', series[i].Points.Select(p => string.Create(CultureInfo.InvariantCulture, $"{X(p.Seconds):0.#},{Y(p.Mb):0.#}")));
            svg.AppendLine(CultureInfo.InvariantCulture, $"""<polyline fill="none" stroke="{Colors[i % Colors.Length]}" stroke-width="1.5" points="{line}"/>""");
        }

        Legend(svg, Left + 10, Top + 6, [.. series.Select(s => s.Name)], 160);
        svg.AppendLine("</svg>");
        return svg.ToString();
    }

    private static StringBuilder Start(int width, int height, int left, string title)
    {
        var svg = new StringBuilder();
        svg.AppendLine(CultureInfo.InvariantCulture, $"""<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" font-family="sans-serif" font-size="11">""");
        svg.AppendLine(CultureInfo.InvariantCulture, $"""<rect width="{width}" height="{height}" fill="white"/><text x="{left}" y="20" font-size="14" font-weight="bold">{SecurityElement.Escape(title)}</text>""");
        return svg;
    }

    private static void Legend(StringBuilder svg, int x, int y, IReadOnlyList<string> names, int spacing)
    {
        for (var i = 0; i < names.Count; i++)
        {
            var left = x + (i * spacing);
            svg.AppendLine(CultureInfo.InvariantCulture, $"""<rect x="{left}" y="{y}" width="10" height="10" fill="{Colors[i % Colors.Length]}"/><text x="{left + 14}" y="{y + 10}">{SecurityElement.Escape(names[i])}</text>""");
        }
    }

    private static string Axis(double value, string figure) =>
        figure == "req/s"
            ? (value >= 1000 ? (value / 1000).ToString("0.#", CultureInfo.InvariantCulture) + "k" : value.ToString("0", CultureInfo.InvariantCulture))
            : value.ToString("0.##", CultureInfo.InvariantCulture);
}
