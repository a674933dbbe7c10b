using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace Pulya.Soak;

/// <summary>Runs one soak: server child process, load workers, memory sampling, SIGTERM stop.</summary>
internal static class SoakRunner
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<SoakResult> RunAsync(SoakProfile profile, SoakOptions options)
    {
        var port = FreePort();
        Console.WriteLine($"[{profile.Name}] server on 127.0.0.1:{port}, {profile.Source}: {string.Join(' ', profile.Arguments)}"
            + (profile.Dropped.Count > 0 ? $" (dropped, module not registered: {string.Join(' ', profile.Dropped)})" : string.Empty));
        using var server = StartServer(port, profile);
        try
        {
            await WaitReadyAsync(port, server);
            var result = await DriveAsync(profile, options, port, server);
            var stop = Stopwatch.StartNew();
            _ = NativeMethods.Kill(server.Id, NativeMethods.SigTerm);
            using var exitTimeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await server.WaitForExitAsync(exitTimeout.Token);
            return result with { SigTermExitCode = server.ExitCode, SigTermStopSeconds = stop.Elapsed.TotalSeconds };
        }
        finally
        {
            if (!server.HasExited)
            {
                server.Kill(entireProcessTree: true);
            }
        }
    }

    private static async Task<SoakResult> DriveAsync(SoakProfile profile, SoakOptions options, int port, Process server)
    {
        var mix = new RequestMix(options.FloodShare);
        var names = RequestMix.Names.ToList();
        var counts = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);
        var unexpected = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);
        long requests = 0, socketErrors = 0, sequence = 0;
        var samples = new List<Sample>();
        var clock = Stopwatch.StartNew();
        using var stop = new CancellationTokenSource(options.Duration);

        async Task WorkerAsync(int seed)
        {
            var random = new Random(seed);
            KeepAliveConnection? connection = null;
            try
            {
                while (!stop.IsCancellationRequested)
                {
                    try
                    {
                        connection ??= await KeepAliveConnection.OpenAsync(port, stop.Token);
                        var (name, expected, bytes) = mix.Next(Interlocked.Increment(ref sequence), random);
                        var (status, _) = await connection.SendAsync(bytes, stop.Token);
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
                    catch (Exception ex) when (ex is SocketException or IOException or InvalidDataException or FormatException)
                    {
                        Interlocked.Increment(ref socketErrors);
                        connection?.Dispose();
                        connection = null;
                    }
                }
            }
            finally
            {
                connection?.Dispose();
            }
        }

        async Task SampleAsync()
        {
            using var connection = await KeepAliveConnection.OpenAsync(port, CancellationToken.None);
            var request = Encoding.ASCII.GetBytes($"GET {SoakServer.StatsPath} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
            using var timer = new PeriodicTimer(options.Interval);
            var lastRequests = 0L;
            var lastTime = 0.0;
            do
            {
                var (_, body) = await connection.SendAsync(request, CancellationToken.None);
                var stats = JsonSerializer.Deserialize<ServerStats>(body, Json)!;
                var now = clock.Elapsed.TotalSeconds;
                var total = Interlocked.Read(ref requests);
                var rate = now > lastTime ? (total - lastRequests) / (now - lastTime) : 0;
                (lastRequests, lastTime) = (total, now);
                samples.Add(new Sample(now, stats.WorkingSet, stats.GcHeapAfterLastGc, stats.GcHeapNow, stats.Gen0, stats.Gen1, stats.Gen2, stats.RouteCacheCount, stats.RouteCacheCapacity, rate, stats.Router));
            }
            while (await WaitAsync(timer, stop.Token));

            // One last sample after the load.
            var (_, last) = await connection.SendAsync(request, CancellationToken.None);
            var final = JsonSerializer.Deserialize<ServerStats>(last, Json)!;
            samples.Add(new Sample(clock.Elapsed.TotalSeconds, final.WorkingSet, final.GcHeapAfterLastGc, final.GcHeapNow, final.Gen0, final.Gen1, final.Gen2, final.RouteCacheCount, final.RouteCacheCapacity, 0, final.Router));
        }

        Console.WriteLine($"[{profile.Name}] {options.Connections} connections for {options.Duration}, flood share {options.FloodShare:P0}");
        var sampler = SampleAsync();
        await Task.WhenAll(Enumerable.Range(0, options.Connections).Select(i => Task.Run(() => WorkerAsync(i + 1))));
        var elapsed = clock.Elapsed;
        await sampler;

        return SoakResult.Create(profile, options, elapsed, Interlocked.Read(ref requests), Interlocked.Read(ref socketErrors),
            names.ToDictionary(n => n, n => counts.GetValueOrDefault(n), StringComparer.Ordinal), new Dictionary<string, long>(unexpected, StringComparer.Ordinal), samples, Environment.ProcessorCount);
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken cancellationToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private static Process StartServer(int port, SoakProfile profile)
    {
        var self = typeof(SoakRunner).Assembly.Location;
        var start = new ProcessStartInfo(Environment.ProcessPath!) { UseShellExecute = false, RedirectStandardOutput = false, RedirectStandardError = false };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!) == "dotnet")
        {
            start.ArgumentList.Add(self);
        }

        start.ArgumentList.Add("server");
        start.ArgumentList.Add($"--urls=http://127.0.0.1:{port}");
        start.ArgumentList.Add("--Logging:LogLevel:Default=Warning");
        foreach (var argument in profile.Arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return Process.Start(start) ?? throw new InvalidOperationException("Could not start the server.");
    }

    private static async Task WaitReadyAsync(int port, Process server)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var request = Encoding.ASCII.GetBytes($"GET {SoakServer.StatsPath} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        using var retry = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        while (true)
        {
            if (server.HasExited)
            {
                throw new InvalidOperationException($"The server exited with code {server.ExitCode} before it was ready.");
            }

            try
            {
                using var connection = await KeepAliveConnection.OpenAsync(port, deadline.Token);
                var (status, _) = await connection.SendAsync(request, deadline.Token);
                if (status == 200)
                {
                    return;
                }
            }
            catch (SocketException)
            {
                // Not listening yet.
            }

            await retry.WaitForNextTickAsync(deadline.Token);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
