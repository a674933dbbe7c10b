namespace Pulya.LoadTest;

/// <summary>
/// <c>chart.svg</c> of a load test: per mode a panel of req/s and one of p99, a group per scenario, a bar per server (the
/// median over the rounds, the whisker from the slowest to the fastest round).
/// </summary>
internal static class LoadChart
{
    public static string Render(RunResults results, IReadOnlyList<string> servers, IReadOnlyList<string> scenarios)
    {
        var panels = new List<BarPanel>();
        foreach (var mode in results.Summaries.Select(s => s.Mode).Distinct())
        {
            foreach (var (figure, unit, pick) in new (string, string, Func<Measurement, double>)[] { ("req/s", "req/s", m => m.RequestsPerSecond), ("p99 latency", "ms", m => m.P99Ms) })
            {
                var values = results.Measurements
                    .Where(m => m.Mode == mode && servers.Contains(m.Server) && scenarios.Contains(m.Scenario))
                    .GroupBy(m => (m.Server, m.Scenario))
                    .Select(g => BarValue.Of(g.Key.Server, g.Key.Scenario, [.. g.Select(pick)]))
                    .ToList();
                panels.Add(new BarPanel($"{figure}, {mode} ({(figure == "req/s" ? "higher" : "lower")} is better)", unit, values));
            }
        }

        var rounds = results.Settings.GetValueOrDefault("rounds") ?? "?";
        return SvgChart.Bars($"Pulya load test: median of {rounds} round(s), whiskers from the lowest to the highest round", servers, scenarios, panels);
    }
}
