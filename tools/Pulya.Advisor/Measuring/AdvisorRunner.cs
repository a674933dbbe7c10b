using System.Diagnostics;
using Pulya.Advisor.Candidates;
using Pulya.Advisor.Correctness;
using Pulya.Advisor.Hosting;
using Pulya.Advisor.Mix;

namespace Pulya.Advisor.Measuring;

/// <summary>
/// Runs the application for the advisor: discovery (its route table), the correctness check of every candidate against
/// the defaults, and the measured rounds — in each round every candidate in turn as a fresh process (A B C A B C …, so
/// drift hits all alike): first response, idle working set, warm-up, the measured load with the allocation counters.
/// </summary>
internal sealed class AdvisorRunner(AdvisorOptions options, Application application, ILoadClient client, TextWriter log)
{
    private readonly List<string> _problems = [];

    /// <summary>Figures that are missing or unusable; a run with any gives no recommendation.</summary>
    public IReadOnlyList<string> Problems => _problems;

    public List<RoundSample> Samples { get; } = [];

    /// <summary>Starts the defaults once with <c>--Pulya:RouteTableFile</c> and reads the table.</summary>
    /// <exception cref="InvalidOperationException">The application does not start or writes no table.</exception>
    public async Task<RouteTable> DiscoverAsync(string workDirectory)
    {
        Directory.CreateDirectory(workDirectory);
        var file = Path.Combine(workDirectory, "routes.json");
        var (server, failure) = await application.StartAsync([$"--{RouteTable.ConfigurationKey}={file}"], "/");
        if (server is null)
        {
            throw new InvalidOperationException($"The application did not start: {failure}");
        }

        await using (server)
        {
            return File.Exists(file)
                ? RouteTable.Parse(await File.ReadAllTextAsync(file))
                : throw new InvalidOperationException($"The application wrote no route table to {file}: is it a Pulya application (a version that reads {RouteTable.ConfigurationKey})?");
        }
    }

    /// <summary>The defaults' answers to the mix (twice, to find answers that vary).</summary>
    public async Task<Baseline> BaselineAsync(IReadOnlyList<MixRequest> mix, CancellationToken cancellationToken)
    {
        var (server, failure) = await application.StartAsync([], Probe(mix));
        if (server is null)
        {
            throw new InvalidOperationException($"The application did not start: {failure}");
        }

        await using (server)
        {
            var first = await AnswerCollector.CollectAsync(server.Port, mix, cancellationToken);
            var second = await AnswerCollector.CollectAsync(server.Port, mix, cancellationToken);
            return new Baseline(mix, first, second);
        }
    }

    /// <summary>Starts <paramref name="candidate"/> fresh, sends the whole mix, and compares every answer with the defaults'.</summary>
    public async Task<CheckOutcome> CheckAsync(Candidate candidate, Baseline baseline, CancellationToken cancellationToken)
    {
        var (server, failure) = await application.StartAsync(candidate.Arguments, Probe(baseline.Mix));
        if (server is null)
        {
            return new CheckOutcome(candidate.Name, false, [$"did not start: {failure}"]);
        }

        await using (server)
        {
            var differences = baseline.Differences(await AnswerCollector.CollectAsync(server.Port, baseline.Mix, cancellationToken));
            return new CheckOutcome(candidate.Name, differences.Count == 0, differences);
        }
    }

    /// <summary>Measures <paramref name="candidates"/> (the defaults first) in interleaved rounds on <paramref name="mix"/>.</summary>
    public async Task MeasureAsync(int phase, IReadOnlyList<Candidate> candidates, IReadOnlyList<MixRequest> mix, string workDirectory, CancellationToken cancellationToken)
    {
        var requests = AnswerCollector.ForLoad(mix);
        var total = options.Rounds * candidates.Count;
        var done = 0;
        var clock = Stopwatch.StartNew();
        for (var round = 1; round <= options.Rounds; round++)
        {
            foreach (var candidate in candidates)
            {
                var (server, failure) = await application.StartAsync(candidate.Arguments, Probe(mix));
                done++;
                if (server is null)
                {
                    _problems.Add($"{candidate.Name} round {round}: did not start: {failure}");
                    log.WriteLine($"  [{done}/{total}] {candidate.Name}: did not start — {failure}");
                    continue;
                }

                await using (server)
                {
                    var sample = await MeasureAsync(server, candidate, phase, round, requests, workDirectory, cancellationToken);
                    Samples.Add(sample);
                    var eta = TimeSpan.FromSeconds(clock.Elapsed.TotalSeconds / done * (total - done));
                    log.WriteLine(
                        $"  [{done}/{total}] round {round} {candidate.Name,-34} {sample.RequestsPerSecond,10:N0} req/s  p50 {sample.P50Ms,7:0.000} ms  p99 {sample.P99Ms,7:0.000} ms"
                        + (sample.AllocatedBytesPerRequest is { } a ? $"  {a,8:N0} B/req" : "")
                        + $"  first response {sample.FirstResponseMs,5:0} ms  peak {sample.PeakWorkingSetMb,4:0} MB  ~{eta:mm\\:ss} left");
                    if (sample.Requests == 0 || sample.Non2xx > 0 || sample.SocketErrors > 0)
                    {
                        _problems.Add($"{candidate.Name} round {round}: {sample.Requests} requests, {sample.Non2xx} non-2xx, {sample.SocketErrors} socket errors");
                    }

                    if (options.Counters && sample.AllocatedBytesPerRequest is null)
                    {
                        _problems.Add($"{candidate.Name} round {round}: allocations were not read");
                    }
                }
            }
        }
    }

    private async Task<RoundSample> MeasureAsync(ServerProcess server, Candidate candidate, int phase, int round, IReadOnlyList<HttpRequestData> requests, string workDirectory, CancellationToken cancellationToken)
    {
        // Let start-up work settle before reading the idle working set.
        await Task.Delay(TimeSpan.FromSeconds(0.3), cancellationToken);
        var idle = server.WorkingSet().CurrentMb;
        LoadRequest Load(double seconds) => new(server.Port, "mix", requests, 1, options.Connections, 2, TimeSpan.FromSeconds(seconds), workDirectory);
        await client.RunAsync(Load(options.Warmup), cancellationToken);

        RuntimeCounters? counters = null;
        if (options.Counters)
        {
            try
            {
                counters = RuntimeCounters.Start(server.Pid, options.CounterInterval);
                // One idle interval first, so the load starts inside a fresh interval.
                await Task.Delay(counters.Interval * 1.2, cancellationToken);
            }
            catch (Exception ex) when (ex is Microsoft.Diagnostics.NETCore.Client.ServerNotAvailableException or TimeoutException or IOException)
            {
                log.WriteLine($"  (counters unavailable for {candidate.Name}: {ex.Message})");
            }
        }

        var result = await client.RunAsync(Load(options.Duration), cancellationToken);
        double? allocated = null;
        if (counters is not null)
        {
            await using (counters)
            {
                // One more interval, so the last interval that saw the load is reported.
                await Task.Delay(counters.Interval * 1.2, cancellationToken);
                var sums = await counters.StopAsync();
                if (sums.Intervals > 0 && result.Requests > 0)
                {
                    allocated = sums.AllocatedBytes / result.Requests;
                }
            }
        }

        var (now, peak) = server.WorkingSet();
        return new RoundSample(candidate.Name, phase, round, result.RequestsPerSecond, result.Requests, result.P50Ms, result.P99Ms, allocated,
            server.StartupMs, idle, Math.Max(now, peak), result.Non2xx, result.SocketErrors);
    }

    /// <summary>The first request of the mix that is a GET, else <c>/</c>: any answer tells that the application listens.</summary>
    private static string Probe(IReadOnlyList<MixRequest> mix) => mix.FirstOrDefault(m => m.Request.Method == "GET")?.Request.Path ?? "/";
}
