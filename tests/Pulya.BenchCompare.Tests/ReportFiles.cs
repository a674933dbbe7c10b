using System.Text.Json;

namespace Pulya.BenchCompare.Tests;

/// <summary>Writes BenchmarkDotNet-shaped full-JSON reports (and the baselines file) with chosen iteration times.</summary>
internal static class ReportFiles
{
    /// <summary>Iteration times around <paramref name="median"/> with ±<paramref name="jitter"/> relative noise from a fixed seed.</summary>
    public static double[] Iterations(double median, int seed, int count = 20, double jitter = 0.01)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(_ => median * (1 + (jitter * ((random.NextDouble() * 2) - 1))))];
    }

    public static string Json(params (string FullName, double[] Nanoseconds, double? Allocated)[] benchmarks)
    {
        const int Operations = 1024;
        var list = benchmarks.Select(b => new Dictionary<string, object?>
        {
            ["FullName"] = b.FullName,
            ["Type"] = b.FullName.Split('.')[^2],
            ["Method"] = b.FullName.Split('.')[^1],
            ["Parameters"] = "",
            ["Memory"] = b.Allocated is null ? null : new Dictionary<string, object> { ["BytesAllocatedPerOperation"] = b.Allocated.Value, ["Gen0Collections"] = 0 },
            ["Measurements"] = (object)b.Nanoseconds.SelectMany((ns, i) => new[]
            {
                // The raw "Actual" iterations and a warm-up carry other values: only "Result" must be read.
                Measurement("Workload", "Warmup", i, Operations, ns * Operations * 10),
                Measurement("Workload", "Actual", i, Operations, (ns + 5) * Operations),
                Measurement("Workload", "Result", i, Operations, ns * Operations),
            }).ToList(),
        });
        return JsonSerializer.Serialize(new Dictionary<string, object> { ["Title"] = "test", ["Benchmarks"] = list.ToList() });
    }

    public static string Write(string directory, string title, string json, IReadOnlyDictionary<string, string>? baselines = null)
    {
        Directory.CreateDirectory(directory);
        var file = Path.Combine(directory, $"{title}-report-full.json");
        File.WriteAllText(file, json);
        if (baselines is not null)
        {
            File.WriteAllText(Path.Combine(directory, $"{title}-baselines.json"), JsonSerializer.Serialize(new Dictionary<string, object> { ["Baselines"] = baselines }));
        }

        return file;
    }

    private static Dictionary<string, object> Measurement(string mode, string stage, int index, long operations, double nanoseconds) => new()
    {
        ["IterationMode"] = mode,
        ["IterationStage"] = stage,
        ["LaunchIndex"] = 1,
        ["IterationIndex"] = index + 1,
        ["Operations"] = operations,
        ["Nanoseconds"] = nanoseconds,
    };
}
