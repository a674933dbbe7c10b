using System.Runtime.InteropServices;
using Pulya.Bench;
using Pulya.Pipeline;

namespace Pulya.Benchmarks.Pooling;

/// <summary>
/// Throughput of pooling <c>None</c> vs. <c>ObjectPool</c> measured interleaved, for a shared, noisy machine where
/// separate BenchmarkDotNet processes see different background load: both pipelines live in one process, and each round
/// runs a batch of requests on one then the other (order alternating), so both see the same load. Reported: the median
/// of the per-round cost ratios (ObjectPool / None) and the median cost per request, for one thread and for two threads
/// sharing the pool. The cost is the process's CPU time (<c>CLOCK_PROCESS_CPUTIME_ID</c>: request threads and GC threads),
/// not wall time, because on a saturated machine wall time mostly measures the other processes; with every core busy,
/// throughput is the inverse of CPU time per request.
/// Run (Linux): <c>dotnet run -c Release --project bench/Pulya.Benchmarks -- --pooling-ab [rounds]</c>.
/// </summary>
internal static class PoolingThroughputComparison
{
    private const int ProcessCpuTimeClock = 2; // CLOCK_PROCESS_CPUTIME_ID

    public static void Run(string[] args)
    {
        var rounds = args.Length > 0 && int.TryParse(args[0], out var r) ? r : 101;
        var (noneHost, none) = PooledRequestBenchmarks.StartAsync("None").GetAwaiter().GetResult();
        var (pooledHost, pooled) = PooledRequestBenchmarks.StartAsync("ObjectPool").GetAwaiter().GetResult();
        Console.WriteLine($"Pooling cost, interleaved: {rounds} rounds, {Environment.ProcessorCount} cores, .NET {Environment.Version}, server GC {System.Runtime.GCSettings.IsServerGC}.");
        Console.WriteLine("| Kind | Threads | Requests per batch | None CPU ns/req (median) | ObjectPool CPU ns/req (median) | ratio ObjectPool/None (median of rounds) |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        // Warm up until tiered compilation has promoted the hot paths of both pipelines (it works in the background).
        for (var pass = 0; pass < 3; pass++)
        {
            foreach (var (_, batch, make) in Kinds())
            {
                RunBatch(none, make(), batch * 5);
                RunBatch(pooled, make(), batch * 5);
            }

            Thread.Sleep(500);
        }

        foreach (var (kind, batch, make) in Kinds())
        {
            foreach (var threads in new[] { 1, 2 })
            {
                var noneRequests = Enumerable.Range(0, threads).Select(_ => make()).ToArray();
                var pooledRequests = Enumerable.Range(0, threads).Select(_ => make()).ToArray();
                var noneTimes = new List<double>();
                var pooledTimes = new List<double>();
                var ratios = new List<double>();
                for (var round = -5; round < rounds; round++)
                {
                    double a, b;
                    if ((round & 1) == 0)
                    {
                        a = Measure(none, noneRequests, batch);
                        b = Measure(pooled, pooledRequests, batch);
                    }
                    else
                    {
                        b = Measure(pooled, pooledRequests, batch);
                        a = Measure(none, noneRequests, batch);
                    }

                    if (round >= 0)
                    {
                        noneTimes.Add(a);
                        pooledTimes.Add(b);
                        ratios.Add(b / a);
                    }
                }

                Console.WriteLine($"| {kind} | {threads} | {batch} | {Statistics.Median(noneTimes):F0} | {Statistics.Median(pooledTimes):F0} | {Statistics.Median(ratios):F3} |");
            }
        }

        noneHost.DisposeAsync().AsTask().GetAwaiter().GetResult();
        pooledHost.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    private static IEnumerable<(string Kind, int Batch, Func<DirectRequest> Make)> Kinds() =>
    [
        ("SimpleJson", 4000, () => new DirectRequest("GET", "/")),
        ("RouteParameter", 4000, () => new DirectRequest("GET", "/some/abc/and/def/0/other")),
        ("EchoBody", 400, () => new DirectRequest("POST", "/echo", body: PooledRequestBenchmarks.EchoJson)),
    ];

    /// <summary>Process CPU nanoseconds per request of one batch on every thread at once.</summary>
    private static double Measure(PulyaHttpApplication application, DirectRequest[] requests, int batch)
    {
        var start = CpuNanoseconds();
        if (requests.Length == 1)
        {
            RunBatch(application, requests[0], batch);
        }
        else
        {
            Parallel.ForEach(requests, new ParallelOptions { MaxDegreeOfParallelism = requests.Length }, request => RunBatch(application, request, batch));
        }

        return (double)(CpuNanoseconds() - start) / (batch * requests.Length);
    }

    private static long CpuNanoseconds()
    {
        if (ClockGetTime(ProcessCpuTimeClock, out var time) != 0)
        {
            throw new InvalidOperationException("clock_gettime(CLOCK_PROCESS_CPUTIME_ID) failed: this comparison runs on Linux.");
        }

        return (time.Seconds * 1_000_000_000) + time.Nanoseconds;
    }

#pragma warning disable SYSLIB1054 // LibraryImport needs unsafe code; one call per batch does not need it.
    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec time);
#pragma warning restore SYSLIB1054

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    private static void RunBatch(PulyaHttpApplication application, DirectRequest request, int batch)
    {
        for (var i = 0; i < batch; i++)
        {
            request.Run(application);
        }
    }
}
