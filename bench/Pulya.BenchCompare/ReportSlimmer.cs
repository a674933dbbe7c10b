using System.Text;
using System.Text.Json;

namespace Pulya.BenchCompare;

/// <summary>
/// Cuts a BenchmarkDotNet full-JSON report down to what the comparison reads, for reports kept in the repository
/// (bench/baselines/): the host environment, per benchmark its identity, the job (in <c>DisplayInfo</c>), a summary
/// of its statistics, its memory figures and its measured (workload, result) iterations. Dropped: the jitting, pilot,
/// warm-up, overhead and raw actual iterations, the full statistics (percentiles, outliers, confidence interval),
/// hardware intrinsics and the metric descriptors. <see cref="ResultReader"/> reads a slimmed report exactly as it
/// reads the original, and slimming a slimmed report changes nothing. One iteration per line keeps diffs readable.
/// </summary>
internal static class ReportSlimmer
{
    private static readonly string[] Identity = ["DisplayInfo", "Namespace", "Type", "Method", "MethodTitle", "Parameters", "FullName"];
    private static readonly string[] Summary = ["N", "Min", "Median", "Mean", "Max", "StandardDeviation"];
    private static readonly string[] Iteration = ["IterationMode", "IterationStage", "LaunchIndex", "IterationIndex", "Operations", "Nanoseconds"];

    /// <summary>Slims every full-JSON report in <paramref name="path"/> (a file or a folder, searched recursively) in place; returns the files rewritten.</summary>
    public static IReadOnlyList<string> SlimInPlace(string path)
    {
        var files = File.Exists(path) ? [path]
            : Directory.Exists(path) ? Directory.GetFiles(path, ResultReader.FilePattern, SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray()
            : throw new FileNotFoundException($"No BenchmarkDotNet results at '{path}'.", path);
        foreach (var file in files)
        {
            File.WriteAllText(file, Slim(File.ReadAllText(file), file));
        }

        return files;
    }

    public static string Slim(string json, string source)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        if (!root.TryGetProperty("Benchmarks", out var benchmarks) || benchmarks.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidDataException($"{source} is not a BenchmarkDotNet full-JSON report (no 'Benchmarks' array).");
        }

        var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            Copy(writer, root, "Title");
            Copy(writer, root, "HostEnvironmentInfo");
            writer.WriteStartArray("Benchmarks");
            foreach (var benchmark in benchmarks.EnumerateArray())
            {
                writer.WriteStartObject();
                foreach (var name in Identity)
                {
                    Copy(writer, benchmark, name);
                }

                if (benchmark.TryGetProperty("Statistics", out var statistics) && statistics.ValueKind == JsonValueKind.Object)
                {
                    writer.WriteStartObject("Statistics");
                    foreach (var name in Summary)
                    {
                        Copy(writer, statistics, name);
                    }

                    writer.WriteEndObject();
                }

                Copy(writer, benchmark, "Memory");
                var iterations = benchmark.TryGetProperty("Measurements", out var measurements) && measurements.ValueKind == JsonValueKind.Array
                    ? measurements.EnumerateArray().Where(ResultReader.IsMeasuredIteration).Select(Compact).ToList()
                    : [];
                writer.WritePropertyName("Measurements");
                writer.WriteRawValue(iterations.Count == 0 ? "[]" : "[\n        " + string.Join(",\n        ", iterations) + "\n      ]");
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static string Compact(JsonElement measurement)
    {
        var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var name in Iteration)
            {
                Copy(writer, measurement, name);
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void Copy(Utf8JsonWriter writer, JsonElement from, string name)
    {
        if (from.TryGetProperty(name, out var value))
        {
            writer.WritePropertyName(name);
            value.WriteTo(writer);
        }
    }
}
