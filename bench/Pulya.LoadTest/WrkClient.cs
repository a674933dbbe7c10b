using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace Pulya.LoadTest;

/// <summary>
/// wrk with <c>--latency</c> and <c>wrk/pulya.lua</c>, which sends the requests round-robin, with its body, in
/// batches of the pipelining depth, and prints the figures as one JSON line.
/// </summary>
internal sealed class WrkClient(string wrkPath) : ILoadClient
{
    public string Name => "wrk";

    public static string? Find()
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator))
        {
            var candidate = Path.Combine(dir, "wrk");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>
    /// The request headers <c>wrk/pulya.lua</c> adds to every request, <c>Name: value</c>: those of the first request, but
    /// <c>Content-Type</c> (the script sets it with the body).
    /// </summary>
    /// <exception cref="ArgumentException">The requests do not all carry the same headers (the script sends one set).</exception>
    public static IReadOnlyList<string> HeaderLines(IReadOnlyList<HttpRequestData> requests)
    {
        static List<string> Lines(HttpRequestData r) =>
            [.. r.Headers.Where(h => !h.Key.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)).Select(h => $"{h.Key}: {h.Value}")];
        var lines = requests.Count > 0 ? Lines(requests[0]) : [];
        if (requests.Any(r => !Lines(r).SequenceEqual(lines)))
        {
            throw new ArgumentException("wrk sends one set of headers with every request; these requests carry different ones.", nameof(requests));
        }

        return lines;
    }

    public async Task<LoadResult> RunAsync(LoadRequest request, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(request.WorkDirectory);
        var requests = Path.Combine(request.WorkDirectory, $"{request.Name}.requests");
        await File.WriteAllLinesAsync(requests, request.Requests.Select(r => $"{r.Method} {r.Path}"), cancellationToken);
        var body = "";
        // wrk/pulya.lua sends one body with every request: the load tool's scenarios have one body at most.
        if (request.Requests.Select(r => r.Body).FirstOrDefault(b => b is not null) is { } bytes)
        {
            body = Path.Combine(request.WorkDirectory, $"{request.Name}.body");
            await File.WriteAllBytesAsync(body, bytes, cancellationToken);
        }

        // The scenario's request headers (one set for every request, as the body), one "Name: value" a line.
        var headers = HeaderLines(request.Requests);
        var headerFile = "-";
        if (headers.Count > 0)
        {
            headerFile = Path.Combine(request.WorkDirectory, $"{request.Name}.headers");
            await File.WriteAllLinesAsync(headerFile, headers, cancellationToken);
        }

        var seconds = Math.Max(1, (int)Math.Round(request.Duration.TotalSeconds));
        var info = new ProcessStartInfo(wrkPath)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "-t", Math.Min(request.Threads, request.Connections).ToString(CultureInfo.InvariantCulture),
            "-c", request.Connections.ToString(CultureInfo.InvariantCulture),
            "-d", $"{seconds}s",
            "--timeout", "10s",
            "--latency",
            "-s", Path.Combine(AppContext.BaseDirectory, "wrk", "pulya.lua"),
            $"http://127.0.0.1:{request.Port}",
            "--", requests, request.Depth.ToString(CultureInfo.InvariantCulture), body, HttpRequestData.JsonContentType, headerFile,
        })
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start wrk.");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        var line = (await stdout).Split('\n').FirstOrDefault(l => l.StartsWith("PULYA_RESULT ", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"wrk printed no result (exit {process.ExitCode}): {await stderr}");
        using var json = JsonDocument.Parse(line["PULYA_RESULT ".Length..]);
        var r = json.RootElement;
        long L(string name) => r.GetProperty(name).GetInt64();
        return new LoadResult(
            L("requests"),
            L("durationUs") / 1e6,
            L("p50Us") / 1000.0,
            L("p90Us") / 1000.0,
            L("p99Us") / 1000.0,
            L("maxUs") / 1000.0,
            L("statusErrors"),
            L("connectErrors") + L("readErrors") + L("writeErrors") + L("timeouts"));
    }
}
