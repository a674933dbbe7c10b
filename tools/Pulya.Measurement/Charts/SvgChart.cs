using System.Globalization;
using System.Security;
using System.Text;

namespace Pulya.Measurement;

/// <summary>
/// The one chart writer of the load tool and the advisor (SVG, no dependencies): panels of grouped bars with the spread
/// over the rounds (<see cref="Bars"/>), and lines of a soak's memory over time (<see cref="Lines"/>).
/// </summary>
internal static class SvgChart
{
    private static readonly string[] Colors = ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac"];

    /// <summary>
    /// Panels of grouped bars, one panel per figure, stacked: in each group one bar per series (colours as in the
    /// legend), its height the median, a whisker from the smallest to the largest value over the rounds, the median
    /// written above it when there is room. The value axis starts at zero with round ticks; the chart is as wide as
    /// its title, legend and groups need.
    /// </summary>
    public static string Bars(string title, IReadOnlyList<string> series, IReadOnlyList<string> groups, IReadOnlyList<BarPanel> panels)
    {
        const int PanelHeight = 220, Left = 78, Right = 20, PanelGap = 64, CharWidth = 7;
        var slot = Math.Max(16, Math.Min(56, (series.Max(s => s.Length) * CharWidth) / Math.Max(1, series.Count)));
        var groupWidth = Math.Max((series.Count * slot) + 24, (groups.Max(g => g.Length) * CharWidth) + 12);
        var rotate = false;
        if (groupWidth > 220)
        {
            groupWidth = (series.Count * slot) + 24;
            rotate = true;
        }

        var width = Math.Max(Math.Max(640, (int)(title.Length * 8.6) + Left), Left + (groups.Count * groupWidth) + Right);
        // The groups share the whole width; the bars widen with them, up to a limit.
        groupWidth = (width - Left - Right) / groups.Count;
        slot = Math.Max(slot, Math.Min(groups.Count == 1 ? 110 : 56, (groupWidth - 24) / series.Count));
        var legendRows = LegendRows(series, width - Left - Right);
        var top = 44 + (legendRows.Count * 18);
        var labelSpace = rotate ? 10 + (groups.Max(g => g.Length) * 5) : 22;
        var height = top + (panels.Count * (PanelHeight + PanelGap + labelSpace - 22)) + 8;
        var svg = Start(width, height, Left, title);
        for (var r = 0; r < legendRows.Count; r++)
        {
            var x = Left;
            foreach (var i in legendRows[r])
            {
                svg.AppendLine(CultureInfo.InvariantCulture, $"""<rect x="{x}" y="{32 + (r * 18)}" width="10" height="10" fill="{Colors[i % Colors.Length]}"/><text x="{x + 14}" y="{41 + (r * 18)}">{SecurityElement.Escape(series[i])}</text>""");
                x += LegendWidth(series[i]);
            }
        }

        var y0 = top;
        foreach (var panel in panels)
        {
            var max = panel.Values.Count == 0 ? 1 : panel.Values.Max(v => Math.Max(v.Max, v.Median));
            var (step, count) = Ticks(max <= 0 ? 1 : max);
            var axisMax = step * count;
            var plot = PanelHeight - 36;
            var baseY = y0 + PanelHeight;
            double Y(double value) => baseY - (plot * value / axisMax);
            svg.AppendLine(CultureInfo.InvariantCulture, $"""<text x="{Left}" y="{y0 + 16}" font-size="13" font-weight="bold">{SecurityElement.Escape(panel.Title.Contains(panel.Unit, StringComparison.Ordinal) ? panel.Title : $"{panel.Title}, {panel.Unit}")}</text>""");
            for (var t = 0; t <= count; t++)
            {
                var ty = Y(step * t);
                svg.AppendLine(CultureInfo.InvariantCulture, $"""<line x1="{Left}" y1="{ty:0.#}" x2="{width - Right}" y2="{ty:0.#}" stroke="{(t == 0 ? "#333" : "#e3e3e3")}"/><text x="{Left - 6}" y="{ty + 4:0.#}" text-anchor="end">{Number(step * t)}</text>""");
            }

            for (var g = 0; g < groups.Count; g++)
            {
                var gx = Left + (g * groupWidth) + 12;
                for (var i = 0; i < series.Count; i++)
                {
                    var value = panel.Values.FirstOrDefault(v => v.Series == series[i] && v.Group == groups[g]);
                    if (value is null)
                    {
                        continue;
                    }

                    var x = gx + (i * slot);
                    var center = x + ((slot - 3) / 2.0);
                    var tip = $"{series[i]}{(groups[g].Length > 0 ? " " + groups[g] : "")}: median {Number(value.Median)} {panel.Unit}, rounds {Number(value.Min)}–{Number(value.Max)}";
                    svg.AppendLine(CultureInfo.InvariantCulture,
                        $"""<rect x="{x}" y="{Y(value.Median):0.#}" width="{slot - 3}" height="{baseY - Y(value.Median):0.#}" fill="{Colors[i % Colors.Length]}"><title>{SecurityElement.Escape(tip)}</title></rect>""");
                    if (value.Max > value.Min)
                    {
                        var cap = Math.Min(8, slot / 3.0);
                        svg.AppendLine(CultureInfo.InvariantCulture,
                            $"""<path d="M{center:0.#},{Y(value.Min):0.#}V{Y(value.Max):0.#}M{center - cap:0.#},{Y(value.Min):0.#}h{2 * cap:0.#}M{center - cap:0.#},{Y(value.Max):0.#}h{2 * cap:0.#}" stroke="#222" stroke-width="1.3" fill="none"/>""");
                    }

                    if (slot >= 34)
                    {
                        svg.AppendLine(CultureInfo.InvariantCulture, $"""<text x="{center:0.#}" y="{Y(Math.Max(value.Max, value.Median)) - 4:0.#}" text-anchor="middle" font-size="10" fill="#222">{Number(value.Median)}</text>""");
                    }
                }

                var lx = gx + ((series.Count * slot) / 2.0);
                svg.AppendLine(rotate
                    ? string.Create(CultureInfo.InvariantCulture, $"""<text x="{lx:0.#}" y="{baseY + 14}" text-anchor="end" transform="rotate(-30 {lx:0.#} {baseY + 14})">{SecurityElement.Escape(groups[g])}</text>""")
                    : string.Create(CultureInfo.InvariantCulture, $"""<text x="{lx:0.#}" y="{baseY + 15}" text-anchor="middle">{SecurityElement.Escape(groups[g])}</text>"""));
            }

            y0 += PanelHeight + PanelGap + labelSpace - 22;
        }

        svg.AppendLine("</svg>");
        return svg.ToString();
    }

    /// <summary>A round tick step (1, 2, 2.5 or 5 × 10ⁿ) and how many steps reach at least <paramref name="max"/> (at most 6).</summary>
    internal static (double Step, int Count) Ticks(double max)
    {
        var raw = max / 6;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var step = new[] { 1, 2, 2.5, 5, 10 }.Select(f => f * magnitude).First(s => s >= raw);
        return (step, (int)Math.Ceiling((max / step) - 1e-9));
    }

    private static int LegendWidth(string name) => 24 + (name.Length * 7);

    /// <summary>The legend's entries, wrapped into rows that fit <paramref name="width"/>.</summary>
    private static List<List<int>> LegendRows(IReadOnlyList<string> names, int width)
    {
        var rows = new List<List<int>> { new() };
        var used = 0;
        for (var i = 0; i < names.Count; i++)
        {
            if (used + LegendWidth(names[i]) > width && rows[^1].Count > 0)
            {
                rows.Add([]);
                used = 0;
            }

            rows[^1].Add(i);
            used += LegendWidth(names[i]);
        }

        return rows;
    }

    /// <summary>A figure as a reader wants it on an axis: 12.5k, 980, 0.42.</summary>
    private static string Number(double value) =>
        value >= 10_000 ? (value / 1000).ToString("0.#", CultureInfo.InvariantCulture) + "k"
        : value >= 100 ? value.ToString("0", CultureInfo.InvariantCulture)
        : value >= 10 ? value.ToString("0.#", CultureInfo.InvariantCulture)
        : value.ToString("0.##", CultureInfo.InvariantCulture);

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
}
