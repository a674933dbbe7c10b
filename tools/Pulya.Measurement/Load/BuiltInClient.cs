using System.Buffers.Text;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using HdrHistogram;

namespace Pulya.Measurement;

/// <summary>
/// A small HTTP/1.1 load generator over raw sockets: one task per connection writes a batch of
/// <see cref="LoadRequest.Depth"/> requests (round-robin over the requests), reads as many responses
/// (Content-Length or chunked), and records the batch's latency in an HdrHistogram — the same figures wrk gives,
/// with nothing to install. It shares the two cores with the server, as wrk does.
/// </summary>
internal sealed class BuiltInClient : ILoadClient
{
    private const long HighestMicroseconds = 60_000_000;

    public string Name => "builtin";

    public async Task<LoadResult> RunAsync(LoadRequest request, CancellationToken cancellationToken)
    {
        var batches = Batches(request);
        var deadline = Stopwatch.GetTimestamp() + (long)(request.Duration.TotalSeconds * Stopwatch.Frequency);
        var started = Stopwatch.GetTimestamp();
        var runs = Enumerable.Range(0, request.Connections)
            .Select(i => Task.Run(() => RunConnectionAsync(request, batches, i, deadline, cancellationToken), cancellationToken))
            .ToArray();
        var results = await Task.WhenAll(runs);
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;

        var histogram = new LongHistogram(HighestMicroseconds, 3);
        long requests = 0, non2xx = 0, errors = 0;
        foreach (var result in results)
        {
            histogram.Add(result.Histogram);
            requests += result.Requests;
            non2xx += result.Non2xx;
            errors += result.Errors;
        }

        double Ms(double percentile) => histogram.TotalCount == 0 ? 0 : histogram.GetValueAtPercentile(percentile) / 1000.0;
        return new LoadResult(requests, seconds, Ms(50), Ms(90), Ms(99), histogram.TotalCount == 0 ? 0 : histogram.GetMaxValue() / 1000.0, non2xx, errors);
    }

    /// <summary>The request batches, rotating through the requests as <c>wrk/pulya.lua</c> does.</summary>
    internal static byte[][] Batches(LoadRequest request)
    {
        var host = $"127.0.0.1:{request.Port}";
        var singles = request.Requests.Select(r => r.Encode(host)).ToArray();
        var count = singles.Length / Gcd(singles.Length, request.Depth);
        var batches = new byte[count][];
        for (var b = 0; b < count; b++)
        {
            using var buffer = new MemoryStream();
            for (var k = 0; k < request.Depth; k++)
            {
                buffer.Write(singles[((b * request.Depth) + k) % singles.Length]);
            }

            batches[b] = buffer.ToArray();
        }

        return batches;
    }

    private static int Gcd(int a, int b) => b == 0 ? a : Gcd(b, a % b);

    private static async Task<ConnectionResult> RunConnectionAsync(LoadRequest request, byte[][] batches, int index, long deadline, CancellationToken cancellationToken)
    {
        var result = new ConnectionResult(new LongHistogram(HighestMicroseconds, 3));
        var next = index % batches.Length;
        var reader = new HttpResponseReader();
        Socket? socket = null;
        try
        {
            while (Stopwatch.GetTimestamp() < deadline && !cancellationToken.IsCancellationRequested)
            {
                if (socket is null)
                {
                    socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                    await socket.ConnectAsync(IPAddress.Loopback, request.Port, cancellationToken);
                    reader.Reset();
                }

                var start = Stopwatch.GetTimestamp();
                try
                {
                    await socket.SendAsync(batches[next], cancellationToken);
                    next = (next + 1) % batches.Length;
                    for (var k = 0; k < request.Depth; k++)
                    {
                        var status = await reader.ReadAsync(socket, cancellationToken);
                        result.Requests++;
                        if (status is < 200 or > 299)
                        {
                            result.Non2xx++;
                        }
                    }

                    result.Histogram.RecordValue(Math.Min(HighestMicroseconds, (long)Stopwatch.GetElapsedTime(start).TotalMicroseconds));
                }
                catch (Exception ex) when (ex is SocketException or IOException or InvalidDataException)
                {
                    result.Errors++;
                    socket.Dispose();
                    socket = null;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped from outside.
        }
        catch (SocketException)
        {
            result.Errors++;
        }
        finally
        {
            socket?.Dispose();
        }

        return result;
    }

    private sealed class ConnectionResult(LongHistogram histogram)
    {
        public LongHistogram Histogram { get; } = histogram;

        public long Requests { get; set; }

        public long Non2xx { get; set; }

        public long Errors { get; set; }
    }
}
