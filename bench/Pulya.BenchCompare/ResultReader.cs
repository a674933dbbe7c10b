using System.Text.Json;

namespace Pulya.BenchCompare;

/// <summary>Reads BenchmarkDotNet <c>*-report-full.json</c> files (the exporter <c>JsonExporter.Full</c> writes them).</summary>
internal static class ResultReader
{
    public const string FilePattern = "*-report-full*.json";

    /// <summary>Every benchmark of every full-JSON report in <paramref name="path"/> (a file or a folder, searched recursively).</summary>
    public static IReadOnlyList<BenchmarkResult> Read(string path)
    {
        var files = File.Exists(path) ? [path]
            : Directory.Exists(path) ? Directory.GetFiles(path, FilePattern, SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray()
            : throw new FileNotFoundException($"No BenchmarkDotNet results at '{path}'.", path);
        var results = new Dictionary<string, BenchmarkResult>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var baselines = file.Replace("-report-full", "-baselines", StringComparison.Ordinal);
            var map = baselines != file && File.Exists(baselines) ? ParseBaselines(File.ReadAllText(baselines)) : null;
            foreach (var result in Parse(File.ReadAllText(file), file, map))
            {
                // A later file with the same benchmark wins (reruns append newer files).
                results[result.FullName] = result;
            }
        }

        return [.. results.Values];
    }

    /// <summary>Reads <c>{"Baselines": {"full name": "full name of its baseline"}}</c>.</summary>
    public static Dictionary<string, string> ParseBaselines(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.TryGetProperty("Baselines", out var map) && map.ValueKind == JsonValueKind.Object
            ? map.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.String).ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal)
            : [];
    }

    public static IReadOnlyList<BenchmarkResult> Parse(string json, string source, IReadOnlyDictionary<string, string>? baselines = null)
    {
        using var document = JsonDocument.Parse(json);
        if (!document.RootElement.TryGetProperty("Benchmarks", out var benchmarks) || benchmarks.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidDataException($"{source} is not a BenchmarkDotNet full-JSON report (no 'Benchmarks' array).");
        }

        var results = new List<BenchmarkResult>();
        foreach (var benchmark in benchmarks.EnumerateArray())
        {
            var fullName = String(benchmark, "FullName") ?? throw new InvalidDataException($"{source}: a benchmark has no FullName.");
            var iterations = new List<double>();
            if (benchmark.TryGetProperty("Measurements", out var measurements) && measurements.ValueKind == JsonValueKind.Array)
            {
                foreach (var m in measurements.EnumerateArray())
                {
                    if (IsMeasuredIteration(m))
                    {
                        var operations = m.GetProperty("Operations").GetDouble();
                        if (operations > 0)
                        {
                            iterations.Add(m.GetProperty("Nanoseconds").GetDouble() / operations);
                        }
                    }
                }
            }

            double? allocated = benchmark.TryGetProperty("Memory", out var memory) && memory.ValueKind == JsonValueKind.Object
                && memory.TryGetProperty("BytesAllocatedPerOperation", out var bytes) && bytes.ValueKind == JsonValueKind.Number
                ? bytes.GetDouble()
                : null;
            results.Add(new BenchmarkResult(fullName, String(benchmark, "Method") ?? fullName, iterations, allocated, baselines?.GetValueOrDefault(fullName)));
        }

        return results;
    }

    /// <summary>A (workload, result) iteration: the measured time of the benchmark, overhead removed.</summary>
    public static bool IsMeasuredIteration(JsonElement measurement) =>
        String(measurement, "IterationMode") == "Workload" && String(measurement, "IterationStage") == "Result";

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
