using System.Globalization;
using System.Text;
using Pulya.Bench;

namespace Pulya.LoadTest;

/// <summary>
/// <c>report.md</c>: per scenario and mode, every server's medians with ratios against <c>baseline</c> and against the
/// Minimal API peer; start-up and memory per server; and the success-metrics check.
/// </summary>
internal static class Report
{
    public const string Baseline = "baseline";
    public const string Optimized = "optimized";

    /// <summary>The roadmap's targets, optimized vs baseline: a <c>--check</c> gate.</summary>
    public const string Roadmap = "roadmap";

    /// <summary>The targets against raw Kestrel: a <c>--check</c> gate.</summary>
    public const string Ceiling = "ceiling";

    /// <summary>JIT start-up with the generated binder vs the expression-tree compiler: a <c>--check</c> gate.</summary>
    public const string Startup = "startup";

    /// <summary>The Native AOT targets: a <c>--check</c> gate.</summary>
    public const string Aot = "aot";

    /// <summary>The profile with the optimized modules and the expression-tree binder instead of the default generated one (<see cref="Startup"/>).</summary>
    public const string OptimizedCompiled = "optimized-compiled";

    /// <summary>Start-up, memory and per-request against the peers under the JIT: a <c>--check</c> gate.</summary>
    public const string Jit = "jit";

    /// <summary>The peer serving the three endpoints with Pulya (<c>bench/Pulya.Trio</c>, <see cref="Jit"/>).</summary>
    public const string PulyaTrio = ServerSpec.PulyaTrio;

    /// <summary>The peer serving the same three endpoints with Minimal APIs on the slim builder (<see cref="Jit"/>).</summary>
    public const string MinimalTrio = ServerSpec.MinimalTrio;

    /// <summary>The scenarios of the three endpoints (<see cref="Jit"/>).</summary>
    public static IReadOnlyList<string> TrioScenarios => ServerSpec.TrioScenarios;

    /// <summary>The <c>--server</c> name of the Pulya application published with Native AOT (<see cref="Aot"/>).</summary>
    public const string PulyaAot = "pulya-aot";

    /// <summary>The <c>--server</c> name of the raw Kestrel peer published with Native AOT (<see cref="Aot"/>).</summary>
    public const string RawKestrelAot = "raw-kestrel-aot";

    /// <summary>The <c>--server</c> name of the same Pulya application as <see cref="PulyaAot"/>, run with the JIT (<see cref="Aot"/>).</summary>
    public const string PulyaJit = "pulya-jit";

    /// <summary>The <c>--server</c> name of Minimal APIs published with Native AOT, serving the same endpoints (<see cref="Aot"/>).</summary>
    public const string MinimalAot = "minimal-aot";

    /// <summary>The groups <c>--check</c> gates when it names none.</summary>
    public static IReadOnlySet<string> DefaultGates { get; } = new HashSet<string>(StringComparer.Ordinal) { Roadmap, Ceiling };

    public static IReadOnlySet<string> AllGates { get; } = new HashSet<string>(StringComparer.Ordinal) { Roadmap, Ceiling, Startup, Aot, Jit };

    public static string Markdown(RunResults results, IReadOnlyList<ServerSpec> servers, IReadOnlyList<Scenario> scenarios, string chartFile)
    {
        var md = new StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"# Pulya load test — {results.Started:yyyy-MM-dd HH:mm} UTC").AppendLine();
        md.AppendLine("Machine: " + string.Join(", ", results.Machine.Select(kv => $"{kv.Key} {kv.Value}"))).AppendLine();
        md.AppendLine("Settings: " + string.Join(", ", results.Settings.Select(kv => $"{kv.Key} {kv.Value}"))).AppendLine();
        md.AppendLine("Medians over the rounds; `spread` is (max − min) / median of req/s. Pipelined latency is per batch of requests (as wrk records it). "
            + "`alloc/req` is the server's bytes allocated per request (EventPipe `alloc-rate`), `GC/1M` the server's collections per million requests.").AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"![req/s and p99 per server]({chartFile})").AppendLine();

        md.AppendLine("## Servers").AppendLine();
        md.AppendLine("| server | kind | configuration | status |").AppendLine("| --- | --- | --- | --- |");
        foreach (var s in results.Servers)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"| {s.Name} | {s.Kind} | {Escape(s.Description)} {(s.Arguments.Count > 0 ? "`" + string.Join(" ", s.Arguments) + "`" : "")} | {(s.Available ? "ok" : "**unavailable**: " + Escape(s.Failure ?? ""))} |");
        }

        md.AppendLine();
        foreach (var mode in results.Summaries.Select(s => s.Mode).Distinct())
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"## {(mode == "pipelined" ? "Pipelined (HTTP/1.1, " + results.Settings.GetValueOrDefault("depth") + " in flight per connection)" : "Plain keep-alive")}").AppendLine();
            foreach (var scenario in scenarios)
            {
                var rows = results.Summaries.Where(s => s.Mode == mode && s.Scenario == scenario.Name).ToList();
                if (rows.Count == 0)
                {
                    continue;
                }

                var baseline = rows.FirstOrDefault(r => r.Server == Baseline);
                // The authenticated scenarios compare with the Minimal APIs peer that runs the same middleware.
                var minimal = rows.FirstOrDefault(r => r.Server == ServerSpec.MinimalApi) ?? rows.FirstOrDefault(r => r.Server == ServerSpec.MinimalApiAuth);
                md.AppendLine(CultureInfo.InvariantCulture, $"### {scenario.Name}: {scenario.Description}").AppendLine();
                md.AppendLine("| server | req/s | spread | × baseline | × Minimal API | p50 ms | p90 ms | p99 ms | max ms | alloc/req B | GC/1M | peak WS MB | non-2xx | errors |");
                md.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
                foreach (var r in rows)
                {
                    md.AppendLine(CultureInfo.InvariantCulture,
                        $"| {r.Server} | {r.RequestsPerSecond:N0} | {r.RequestsPerSecondSpread:P0} | {Ratio(r.RequestsPerSecond, baseline?.RequestsPerSecond)} | {Ratio(r.RequestsPerSecond, minimal?.RequestsPerSecond)} "
                        + $"| {r.P50Ms:0.000} | {r.P90Ms:0.000} | {r.P99Ms:0.000} | {r.MaxMs:0.0} | {Optional(r.AllocatedBytesPerRequest, "N0")} | {Optional(r.GcPerMillionRequests, "0.0")} | {r.PeakWorkingSetMb:0} | {r.Non2xx} | {r.SocketErrors} |");
                }

                md.AppendLine();
            }
        }

        md.AppendLine("## Start-up and memory").AppendLine();
        md.AppendLine("Time from process start to the first HTTP response, and the working set 1 s after it (idle), medians over the rounds.").AppendLine();
        md.AppendLine("| server | route set | first response ms | × raw Kestrel | idle WS MB | × raw Kestrel | peak WS MB |").AppendLine("| --- | --- | ---: | ---: | ---: | ---: | ---: |");
        foreach (var group in results.Startups.GroupBy(s => (s.Server, s.RouteSet)))
        {
            var raw = results.Startups.Where(s => s.Server == ServerSpec.RawKestrel && s.RouteSet == group.Key.RouteSet).ToList();
            var startup = Statistics.Median(group.Select(s => s.StartupMs));
            var idle = Statistics.Median(group.Select(s => s.IdleWorkingSetMb));
            md.AppendLine(CultureInfo.InvariantCulture,
                $"| {group.Key.Server} | {group.Key.RouteSet} | {startup:0} | {Ratio(startup, raw.Count > 0 ? Statistics.Median(raw.Select(s => s.StartupMs)) : null)} | {idle:0.0} | {Ratio(idle, raw.Count > 0 ? Statistics.Median(raw.Select(s => s.IdleWorkingSetMb)) : null)} | {group.Max(s => s.PeakWorkingSetMb):0} |");
        }

        md.AppendLine().AppendLine("## Success metrics").AppendLine().AppendLine(Check(results, new HashSet<string>()).Text);
        return md.ToString();
    }

    /// <summary>
    /// The success metrics. <see cref="Roadmap"/>: optimized vs baseline in the same run (p50 and p99 ≥ 30% lower, req/s
    /// ≥ 2x, alloc/req ≥ 20% lower). <see cref="Ceiling"/>: optimized vs raw Kestrel (req/s ≥ 0.98x plain and ≥ 0.95x
    /// pipelined, p99 ≤ 1.10x, time to first response with the GitHub set ≤ 1.5x, idle working set ≤ 1.15x).
    /// <see cref="Startup"/>: <see cref="Optimized"/> (generated binder) vs <see cref="OptimizedCompiled"/>, first response
    /// with the GitHub set ≤ 0.70x. <see cref="Jit"/>: <see cref="PulyaTrio"/> vs <see cref="MinimalTrio"/> and raw Kestrel on
    /// the three endpoints (first response and idle working set below Minimal APIs and ≤ 1.5x / ≤ 1.15x raw, working set
    /// after load ≤ 1.2x raw, pipelined req/s ≥ 0.95x raw, p99 ≤ 1.1x raw), and <see cref="Optimized"/> vs the Minimal APIs
    /// peer on the sample (first response and idle working set below it). <see cref="Aot"/>: <see cref="PulyaAot"/>'s first response ≤ 1.2x <see cref="RawKestrelAot"/>'s and
    /// ≤ 0.25x <see cref="PulyaJit"/>'s, idle working set ≤ 1.2x <see cref="RawKestrelAot"/>'s, working set after load below
    /// <see cref="MinimalAot"/>'s, req/s ≥ 0.95x
    /// <see cref="PulyaJit"/>'s on every scenario run (these two groups are printed only when gated or their servers ran). Every
    /// other group is printed; only the groups in <paramref name="gates"/> count as failures, and in those a figure that is
    /// missing (a server unavailable, no latency, allocations not read) fails like a missed target.
    /// </summary>
    public static CheckResult Check(RunResults results, IReadOnlySet<string> gates)
    {
        var text = new StringBuilder();
        var failures = new List<string>();
        var optimized = results.Summaries.Where(s => s.Server == Optimized).ToList();
        var baseline = results.Summaries.Where(s => s.Server == Baseline).ToDictionary(s => (s.Scenario, s.Mode));
        var raw = results.Summaries.Where(s => s.Server == ServerSpec.RawKestrel).ToDictionary(s => (s.Scenario, s.Mode));

        // One target: "PASS 0.45x", "FAIL 1.20x" or "MISSING"; failures and missing figures of a gated group are recorded.
        string Cell(string gate, string what, double? value, double? reference, double limit, bool higherIsBetter)
        {
            // A latency of 0 means no batch completed within the run (possible with deep pipelining of large bodies).
            if (value is null or 0 || reference is null or 0 || double.IsNaN(value.Value) || double.IsNaN(reference.Value))
            {
                if (gates.Contains(gate))
                {
                    failures.Add($"{gate}: {what}: figure missing");
                }

                return "MISSING";
            }

            var ratio = value.Value / reference.Value;
            var pass = higherIsBetter ? ratio >= limit : ratio <= limit;
            if (!pass && gates.Contains(gate))
            {
                failures.Add(string.Create(CultureInfo.InvariantCulture, $"{gate}: {what}: {ratio:0.00}x"));
            }

            return string.Create(CultureInfo.InvariantCulture, $"{(pass ? "PASS" : "FAIL")} {ratio:0.00}x");
        }

        double? StartupMedian(string server, string set, Func<StartupSample, double> pick)
        {
            var samples = results.Startups.Where(s => s.Server == server && s.RouteSet == set).ToList();
            return samples.Count > 0 ? Statistics.Median(samples.Select(pick)) : null;
        }

        void Unmeasured(string gate, string what)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"Not measured: {what} (see Servers).").AppendLine();
            if (gates.Contains(gate))
            {
                failures.Add($"{gate}: not measured: {what}");
            }
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"### optimized vs baseline (same run){(gates.Contains(Roadmap) ? " — gate" : "")}").AppendLine();
        if (optimized.Count == 0 || baseline.Count == 0)
        {
            Unmeasured(Roadmap, optimized.Count == 0 ? "'optimized' unavailable or not selected" : "'baseline' unavailable or not selected");
        }
        else
        {
            text.AppendLine("| scenario | mode | p50 (≤ 0.70x) | p99 (≤ 0.70x) | req/s (≥ 2x) | alloc/req (≤ 0.80x) |").AppendLine("| --- | --- | --- | --- | --- | --- |");
            foreach (var o in optimized)
            {
                baseline.TryGetValue((o.Scenario, o.Mode), out var b);
                var row = $"{o.Scenario} {o.Mode}";
                text.AppendLine(CultureInfo.InvariantCulture,
                    $"| {o.Scenario} | {o.Mode} | {Cell(Roadmap, row + " p50", o.P50Ms, b?.P50Ms, 0.70, false)} | {Cell(Roadmap, row + " p99", o.P99Ms, b?.P99Ms, 0.70, false)} "
                    + $"| {Cell(Roadmap, row + " req/s", o.RequestsPerSecond, b?.RequestsPerSecond, 2.0, true)} | {Cell(Roadmap, row + " alloc/req", o.AllocatedBytesPerRequest, b?.AllocatedBytesPerRequest, 0.80, false)} |");
            }

            text.AppendLine();
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"### optimized vs raw Kestrel{(gates.Contains(Ceiling) ? " — gate" : "")}").AppendLine();
        if (optimized.Count == 0 || raw.Count == 0)
        {
            Unmeasured(Ceiling, optimized.Count == 0 ? "'optimized' unavailable or not selected" : "'raw-kestrel' unavailable or not selected");
        }
        else
        {
            text.AppendLine("| scenario | mode | req/s (≥ 0.98x plain, ≥ 0.95x pipelined) | p99 (≤ 1.10x) |").AppendLine("| --- | --- | --- | --- |");
            foreach (var o in optimized)
            {
                raw.TryGetValue((o.Scenario, o.Mode), out var r);
                var row = $"{o.Scenario} {o.Mode}";
                text.AppendLine(CultureInfo.InvariantCulture,
                    $"| {o.Scenario} | {o.Mode} | {Cell(Ceiling, row + " req/s", o.RequestsPerSecond, r?.RequestsPerSecond, o.Mode == "pipelined" ? 0.95 : 0.98, true)} | {Cell(Ceiling, row + " p99", o.P99Ms, r?.P99Ms, 1.10, false)} |");
            }

            text.AppendLine().AppendLine("| figure | target | result |").AppendLine("| --- | --- | --- |");
            text.AppendLine(CultureInfo.InvariantCulture, $"| time to first response, GitHub route set | ≤ 1.5x raw | {Cell(Ceiling, "first response (GitHub set)", StartupMedian(Optimized, "github", s => s.StartupMs), StartupMedian(ServerSpec.RawKestrel, "github", s => s.StartupMs), 1.5, false)} |");
            text.AppendLine(CultureInfo.InvariantCulture, $"| idle working set | ≤ 1.15x raw | {Cell(Ceiling, "idle working set", StartupMedian(Optimized, "sample", s => s.IdleWorkingSetMb), StartupMedian(ServerSpec.RawKestrel, "sample", s => s.IdleWorkingSetMb), 1.15, false)} |");
        }

        // The start-up and AOT groups appear when gated or when their servers ran (most runs have neither).
        bool Ran(string server) => results.Servers.Any(s => s.Name == server) || results.Startups.Any(s => s.Server == server);
        void Separate()
        {
            if (text.Length > 0 && !text.ToString().EndsWith("\n\n", StringComparison.Ordinal))
            {
                text.AppendLine();
            }
        }

        if (gates.Contains(Startup) || Ran(OptimizedCompiled))
        {
            Separate();
            text.AppendLine(CultureInfo.InvariantCulture, $"### JIT start-up: generated binder vs expression-tree compiler{(gates.Contains(Startup) ? " — gate" : "")}").AppendLine();
            text.AppendLine("| figure | target | result |").AppendLine("| --- | --- | --- |");
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| time to first response, GitHub route set, {Optimized} vs {OptimizedCompiled} | ≤ 0.70x | {Cell(Startup, "first response (GitHub set), generated vs compiled binder", StartupMedian(Optimized, "github", s => s.StartupMs), StartupMedian(OptimizedCompiled, "github", s => s.StartupMs), 0.70, false)} |");
            text.AppendLine();
        }

        if (gates.Contains(Jit) || Ran(PulyaTrio))
        {
            Separate();
            text.AppendLine(CultureInfo.InvariantCulture, $"### Under the JIT: {PulyaTrio} vs {MinimalTrio} and raw Kestrel; the sample vs Minimal APIs{(gates.Contains(Jit) ? " — gate" : "")}").AppendLine();
            double? Sample(string server, Func<StartupSample, double> pick) => StartupMedian(server, "sample", pick);
            var rawStart = Sample(ServerSpec.RawKestrel, s => s.StartupMs);
            var rawIdle = Sample(ServerSpec.RawKestrel, s => s.IdleWorkingSetMb);
            text.AppendLine("| figure | target | result |").AppendLine("| --- | --- | --- |");
            text.AppendLine(CultureInfo.InvariantCulture, $"| three endpoints: time to first response | < 1.00x {MinimalTrio} | {Cell(Jit, "first response vs Minimal APIs (slim)", Sample(PulyaTrio, s => s.StartupMs), Sample(MinimalTrio, s => s.StartupMs), 0.999, false)} |");
            text.AppendLine(CultureInfo.InvariantCulture, $"| three endpoints: time to first response | ≤ 1.5x raw | {Cell(Jit, "first response vs raw Kestrel", Sample(PulyaTrio, s => s.StartupMs), rawStart, 1.5, false)} |");
            text.AppendLine(CultureInfo.InvariantCulture, $"| three endpoints: idle working set | < 1.00x {MinimalTrio} | {Cell(Jit, "idle working set vs Minimal APIs (slim)", Sample(PulyaTrio, s => s.IdleWorkingSetMb), Sample(MinimalTrio, s => s.IdleWorkingSetMb), 0.999, false)} |");
            text.AppendLine(CultureInfo.InvariantCulture, $"| three endpoints: idle working set | ≤ 1.15x raw | {Cell(Jit, "idle working set vs raw Kestrel", Sample(PulyaTrio, s => s.IdleWorkingSetMb), rawIdle, 1.15, false)} |");
            text.AppendLine(CultureInfo.InvariantCulture, $"| three endpoints: working set after load | ≤ 1.2x raw | {Cell(Jit, "working set after load vs raw Kestrel", Sample(PulyaTrio, s => s.PeakWorkingSetMb), Sample(ServerSpec.RawKestrel, s => s.PeakWorkingSetMb), 1.2, false)} |");
            text.AppendLine(CultureInfo.InvariantCulture, $"| sample: time to first response, {Optimized} | < 1.00x {ServerSpec.MinimalApi} | {Cell(Jit, "sample first response vs Minimal APIs", Sample(Optimized, s => s.StartupMs), Sample(ServerSpec.MinimalApi, s => s.StartupMs), 0.999, false)} |");
            text.AppendLine(CultureInfo.InvariantCulture, $"| sample: idle working set, {Optimized} | < 1.00x {ServerSpec.MinimalApi} | {Cell(Jit, "sample idle working set vs Minimal APIs", Sample(Optimized, s => s.IdleWorkingSetMb), Sample(ServerSpec.MinimalApi, s => s.IdleWorkingSetMb), 0.999, false)} |");
            var trio = results.Summaries.Where(s => s.Server == PulyaTrio).ToDictionary(s => (s.Scenario, s.Mode));
            text.AppendLine().AppendLine("| scenario | req/s pipelined (≥ 0.95x raw) | p99 pipelined (≤ 1.10x raw) |").AppendLine("| --- | --- | --- |");
            foreach (var scenario in TrioScenarios)
            {
                trio.TryGetValue((scenario, "pipelined"), out var t);
                raw.TryGetValue((scenario, "pipelined"), out var r);
                text.AppendLine(CultureInfo.InvariantCulture,
                    $"| {scenario} | {Cell(Jit, $"{scenario} pipelined req/s vs raw Kestrel", t?.RequestsPerSecond, r?.RequestsPerSecond, 0.95, true)} | {Cell(Jit, $"{scenario} pipelined p99 vs raw Kestrel", t?.P99Ms, r?.P99Ms, 1.10, false)} |");
            }

            text.AppendLine();
        }

        if (gates.Contains(Aot) || Ran(PulyaAot))
        {
            Separate();
            text.AppendLine(CultureInfo.InvariantCulture, $"### Native AOT: {PulyaAot} vs {RawKestrelAot} and {PulyaJit}{(gates.Contains(Aot) ? " — gate" : "")}").AppendLine();
            var aot = results.Summaries.Where(s => s.Server == PulyaAot).ToList();
            var jit = results.Summaries.Where(s => s.Server == PulyaJit).ToDictionary(s => (s.Scenario, s.Mode));
            if (aot.Count == 0 || jit.Count == 0)
            {
                Unmeasured(Aot, aot.Count == 0 ? $"'{PulyaAot}' unavailable or not given (--server {PulyaAot}=PATH)" : $"'{PulyaJit}' unavailable or not given (--server {PulyaJit}=PATH)");
            }
            else
            {
                double? Sample(string server, Func<StartupSample, double> pick) => StartupMedian(server, "sample", pick);
                text.AppendLine("| figure | target | result |").AppendLine("| --- | --- | --- |");
                text.AppendLine(CultureInfo.InvariantCulture, $"| time to first response | ≤ 1.2x {RawKestrelAot} | {Cell(Aot, "first response vs raw Kestrel AOT", Sample(PulyaAot, s => s.StartupMs), Sample(RawKestrelAot, s => s.StartupMs), 1.2, false)} |");
                text.AppendLine(CultureInfo.InvariantCulture, $"| time to first response | ≤ 0.25x {PulyaJit} | {Cell(Aot, "first response vs JIT", Sample(PulyaAot, s => s.StartupMs), Sample(PulyaJit, s => s.StartupMs), 0.25, false)} |");
                text.AppendLine(CultureInfo.InvariantCulture, $"| idle working set | ≤ 1.2x {RawKestrelAot} | {Cell(Aot, "idle working set vs raw Kestrel AOT", Sample(PulyaAot, s => s.IdleWorkingSetMb), Sample(RawKestrelAot, s => s.IdleWorkingSetMb), 1.2, false)} |");
                text.AppendLine(CultureInfo.InvariantCulture, $"| working set after load | < 1.00x {MinimalAot} | {Cell(Aot, "working set after load vs Minimal APIs AOT", Sample(PulyaAot, s => s.PeakWorkingSetMb), Sample(MinimalAot, s => s.PeakWorkingSetMb), 0.999, false)} |");
                text.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"| scenario | mode | req/s (≥ 0.95x {PulyaJit}) |").AppendLine("| --- | --- | --- |");
                foreach (var a in aot)
                {
                    jit.TryGetValue((a.Scenario, a.Mode), out var j);
                    text.AppendLine(CultureInfo.InvariantCulture, $"| {a.Scenario} | {a.Mode} | {Cell(Aot, $"{a.Scenario} {a.Mode} req/s vs JIT", a.RequestsPerSecond, j?.RequestsPerSecond, 0.95, true)} |");
                }
            }

            text.AppendLine();
        }

        return new CheckResult(text.ToString(), failures);
    }

    private static string Ratio(double value, double? reference) =>
        reference is > 0 ? (value / reference.Value).ToString("0.00", CultureInfo.InvariantCulture) + "x" : "–";

    private static string Optional(double? value, string format) => value?.ToString(format, CultureInfo.InvariantCulture) ?? "–";

    private static string Escape(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" ");
}
