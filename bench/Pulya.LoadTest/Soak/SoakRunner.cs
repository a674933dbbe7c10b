using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Pulya.LoadTest.Soak;

/// <summary>
/// One soak: the profile's server started and stopped like every load-test server (<see cref="ServerProcess"/>),
/// driven at saturation over keep-alive connections with <see cref="RequestMix"/> (every answer's status checked with
/// <see cref="HttpResponseReader"/>), sampled every interval: working set from <c>/proc</c>, GC heap and the route
/// cache's entry count over EventPipe (<see cref="RuntimeCounters"/>); stopped with SIGTERM at the end.
/// </summary>
internal static class SoakRunner
{
    private const string RouteCacheCount = "pulya.route_cache.count";

    public static async Task<SoakResult> RunAsync(ServerSpec spec, LoadTestOptions options, CancellationToken cancellationToken)
    {
        var (server, failure) = await spec.StartAsync(gitHub: false, "/", TimeSpan.FromSeconds(60));
        if (server is null)
        {
            return SoakResult.Unavailable(spec.Name, spec.Arguments, failure!, options.Connections, options.FloodShare);
        }

        await using (server)
        {
            Console.WriteLine($"[soak {spec.Name}] 127.0.0.1:{server.Port}, {string.Join(' ', spec.Arguments)}; {options.Connections} connections for {options.SoakDuration}, flood share {options.FloodShare:P0}");
            var result = await DriveAsync(spec, options, server, cancellationToken);
            var (exitCode, seconds) = await server.StopAsync(TimeSpan.FromSeconds(30));
            return result with { SigTermExitCode = exitCode, SigTermStopSeconds = seconds };
        }
    }

    private static async Task<SoakResult> DriveAsync(ServerSpec spec, LoadTestOptions options, ServerProcess server, CancellationToken cancellationToken)
    {
        var mix = new RequestMix(options.FloodShare);
        var counts = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);
        var unexpected = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);
        long requests = 0, socketErrors = 0, sequence = 0;
        var samples = new List<SoakSample>();
        await using var counters = RuntimeCounters.Start(server.Pid, options.CounterInterval, meter: "Pulya");
        var clock = Stopwatch.StartNew();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        stop.CancelAfter(options.SoakDuration ?? TimeSpan.Zero);

        async Task WorkerAsync(int seed)
        {
            var random = new Random(seed);
            var reader = new HttpResponseReader();
            Socket? socket = null;
            try
            {
                while (!stop.IsCancellationRequested)
                {
                    try
                    {
                        if (socket is null)
                        {
                            socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                            await socket.ConnectAsync(IPAddress.Loopback, server.Port, stop.Token);
                            reader.Reset();
                        }

                        var (name, expected, bytes) = mix.Next(Interlocked.Increment(ref sequence), random);
                        await socket.SendAsync(bytes, stop.Token);
                        var status = await reader.ReadAsync(socket, stop.Token);
                        Interlocked.Increment(ref requests);
                        counts.AddOrUpdate(name, 1, (_, n) => n + 1);
                        if (status != expected)
                        {
                            unexpected.AddOrUpdate($"{name}: {status}", 1, (_, n) => n + 1);
                        }
                    }
                    catch (OperationCanceledException) when (stop.IsCancellationRequested)
                    {
                        return;
                    }
                    catch (Exception ex) when (ex is SocketException or IOException or InvalidDataException)
                    {
                        Interlocked.Increment(ref socketErrors);
                        socket?.Dispose();
                        socket = null;
                    }
                }
            }
            finally
            {
                socket?.Dispose();
            }
        }

        var lastRequests = 0L;
        var lastTime = 0.0;
        void Sample()
        {
            var now = clock.Elapsed.TotalSeconds;
            var total = Interlocked.Read(ref requests);
            var rate = now > lastTime ? (total - lastRequests) / (now - lastTime) : 0;
            (lastRequests, lastTime) = (total, now);
            var (heap, gen0, gen1, gen2, instruments) = counters.Latest();
            int? cache = instruments.TryGetValue(RouteCacheCount, out var entries) ? (int)entries : null;
            samples.Add(new SoakSample(now, (long)(server.WorkingSet().CurrentMb * 1048576), (long)heap, gen0, gen1, gen2, cache, rate));
        }

        async Task SampleAsync()
        {
            using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.CounterInterval));
            try
            {
                while (await timer.WaitForNextTickAsync(stop.Token))
                {
                    Sample();
                }
            }
            catch (OperationCanceledException)
            {
                // The end of the run.
            }
        }

        var sampler = SampleAsync();
        await Task.WhenAll(Enumerable.Range(0, options.Connections).Select(i => Task.Run(() => WorkerAsync(i + 1), CancellationToken.None)));
        var elapsed = clock.Elapsed.TotalSeconds;
        await sampler;

        // One interval more, so the counters of the last loaded interval arrive; then the last sample.
        await Task.Delay(TimeSpan.FromSeconds(options.CounterInterval * 1.2), CancellationToken.None);
        Sample();
        return SoakResult.Create(spec.Name, spec.Arguments, options.Connections, options.FloodShare, elapsed, Interlocked.Read(ref requests), Interlocked.Read(ref socketErrors),
            RequestMix.Names.ToDictionary(n => n, n => counts.GetValueOrDefault(n), StringComparer.Ordinal), new Dictionary<string, long>(unexpected, StringComparer.Ordinal), samples);
    }
}
