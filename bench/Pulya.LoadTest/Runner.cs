using System.Diagnostics;
using System.Globalization;
using Pulya.Bench;

namespace Pulya.LoadTest;

/// <summary>
/// Runs the rounds: in each round every server in turn (A B C A B C …, so drift hits all alike), each as a fresh process
/// per route set (the sample's routes, then the GitHub set), every selected scenario in every mode: warm-up, then the
/// measured run with the runtime counters read over EventPipe.
/// </summary>
internal sealed class Runner(LoadTestOptions options, ILoadClient client, IReadOnlyList<ServerSpec> servers, IReadOnlyList<Scenario> scenarios, string workDirectory)
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private readonly Dictionary<string, string> _failures = [];

    public List<StartupSample> Startups { get; } = [];

    public List<Measurement> Measurements { get; } = [];

    public IReadOnlyDictionary<string, string> Failures => _failures;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var groups = scenarios.GroupBy(s => s.GitHub).OrderBy(g => g.Key).ToList();
        var runsPerRound = servers.Sum(s => scenarios.Count(s.Runs)) * options.Modes.Count;
        var clock = Stopwatch.StartNew();
        var done = 0;
        for (var round = 1; round <= options.Rounds; round++)
        {
            foreach (var server in servers)
            {
                foreach (var all in groups)
                {
                    // A server runs only the scenarios it serves (the three-endpoint peers, the authenticated ones): it is not started for the others.
                    var group = all.Where(server.Runs).ToList();
                    if (group.Count == 0)
                    {
                        continue;
                    }

                    if (_failures.ContainsKey(server.Name))
                    {
                        done += group.Count * options.Modes.Count;
                        continue;
                    }

                    var gitHub = all.Key;
                    var probe = gitHub || server.Serves is not null ? group[0].Requests[0].Path : "/";
                    var (process, failure) = await server.StartAsync(gitHub, probe, StartTimeout);
                    if (process is null)
                    {
                        _failures[server.Name] = failure!;
                        Console.WriteLine($"  {server.Name}: UNAVAILABLE — {failure}");
                        done += group.Count * options.Modes.Count;
                        continue;
                    }

                    await using (process)
                    {
                        // Let start-up work (JIT of the first request, timers) settle before reading the idle working set.
                        await Task.Delay(TimeSpan.FromSeconds(options.Smoke ? 0.3 : 1), cancellationToken);
                        var idle = process.WorkingSet().CurrentMb;
                        var routeSet = gitHub ? "github" : "sample";
                        Console.WriteLine($"[round {round}/{options.Rounds}] {server.Name} ({routeSet} routes): first response after {process.StartupMs:0} ms, idle working set {idle:0.0} MB");
                        var first = true;
                        foreach (var scenario in group)
                        {
                            foreach (var mode in options.Modes)
                            {
                                var withCounters = options.Counters == "all" || (options.Counters == "first" && first) || (options.Counters == "once" && Measurements.Count == 0);
                                first = false;
                                var measurement = await MeasureAsync(process, server, scenario, mode, round, withCounters, cancellationToken);
                                Measurements.Add(measurement);
                                done++;
                                var eta = TimeSpan.FromSeconds(clock.Elapsed.TotalSeconds / done * ((runsPerRound * options.Rounds) - done));
                                Console.WriteLine(
                                    $"  {scenario.Name,-10} {mode,-9} {measurement.RequestsPerSecond,12:N0} req/s  p50 {measurement.P50Ms,7:0.000} ms  p99 {measurement.P99Ms,7:0.000} ms"
                                    + (measurement.AllocatedBytesPerRequest is { } a ? $"  {a,8:N0} B/req" : "")
                                    + (measurement.Non2xx + measurement.SocketErrors > 0 ? $"  non-2xx {measurement.Non2xx} errors {measurement.SocketErrors}" : "")
                                    + $"  [{done}/{runsPerRound * options.Rounds}, ~{eta:mm\\:ss} left]");
                            }
                        }

                        var (now, peak) = process.WorkingSet();
                        Startups.Add(new StartupSample(server.Name, routeSet, round, process.StartupMs, idle, Math.Max(now, peak)));
                    }
                }
            }
        }
    }

    private async Task<Measurement> MeasureAsync(ServerProcess process, ServerSpec server, Scenario scenario, string mode, int round, bool withCounters, CancellationToken cancellationToken)
    {
        var depth = mode == "pipelined" ? options.Depth : 1;
        LoadRequest Request(double seconds) => new(process.Port, scenario.Name, scenario.HttpRequests, depth, options.Connections, options.Threads, TimeSpan.FromSeconds(seconds), workDirectory);
        if (options.Warmup > 0)
        {
            await client.RunAsync(Request(options.Warmup), cancellationToken);
        }

        RuntimeCounters? counters = null;
        if (withCounters)
        {
            try
            {
                counters = RuntimeCounters.Start(process.Pid, options.CounterInterval);
                // One full idle interval before the load, so the load starts inside a fresh interval.
                await Task.Delay(counters.Interval * 1.2, cancellationToken);
            }
            catch (Exception ex) when (ex is Microsoft.Diagnostics.NETCore.Client.ServerNotAvailableException or TimeoutException or IOException)
            {
                Console.WriteLine($"  (counters unavailable for {server.Name}: {ex.Message})");
                counters = null;
            }
        }

        var result = await client.RunAsync(Request(options.Duration), cancellationToken);
        double? allocated = null, gen0 = null, gen1 = null, gen2 = null;
        if (counters is not null)
        {
            await using (counters)
            {
                // One more interval so the last interval that saw the load is reported.
                await Task.Delay(counters.Interval * 1.2, cancellationToken);
                var sums = await counters.StopAsync();
                if (sums.Intervals > 0 && result.Requests > 0)
                {
                    allocated = sums.AllocatedBytes / result.Requests;
                    (gen0, gen1, gen2) = (sums.Gen0, sums.Gen1, sums.Gen2);
                }
            }
        }

        return new Measurement(
            server.Name, scenario.Name, mode, round, result.RequestsPerSecond, result.Requests,
            result.P50Ms, result.P90Ms, result.P99Ms, result.MaxMs, result.Non2xx, result.SocketErrors,
            allocated, gen0, gen1, gen2, process.WorkingSet().PeakMb);
    }

    public static List<Summary> Summarize(IEnumerable<Measurement> measurements) =>
        [.. measurements
            .GroupBy(m => (m.Server, m.Scenario, m.Mode))
            .Select(g =>
            {
                var rps = Statistics.Median(g.Select(m => m.RequestsPerSecond));
                var allocations = g.Where(m => m.AllocatedBytesPerRequest is not null).ToList();
                return new Summary(
                    g.Key.Server, g.Key.Scenario, g.Key.Mode, g.Count(),
                    rps,
                    rps > 0 ? (g.Max(m => m.RequestsPerSecond) - g.Min(m => m.RequestsPerSecond)) / rps : 0,
                    Statistics.Median(g.Select(m => m.P50Ms)),
                    Statistics.Median(g.Select(m => m.P90Ms)),
                    Statistics.Median(g.Select(m => m.P99Ms)),
                    Statistics.Median(g.Select(m => m.MaxMs)),
                    g.Sum(m => m.Non2xx),
                    g.Sum(m => m.SocketErrors),
                    allocations.Count > 0 ? Statistics.Median(allocations.Select(m => m.AllocatedBytesPerRequest!.Value)) : null,
                    allocations.Count > 0 ? Statistics.Median(allocations.Select(m => (m.Gen0!.Value + m.Gen1!.Value + m.Gen2!.Value) * 1e6 / Math.Max(1, m.Requests))) : null,
                    g.Max(m => m.PeakWorkingSetMb));
            })];
}
