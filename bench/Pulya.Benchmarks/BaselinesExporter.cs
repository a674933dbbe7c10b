using System.Text.Json;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Reports;

namespace Pulya.Benchmarks;

/// <summary>
/// Writes <c>&lt;title&gt;-baselines.json</c> beside the full-JSON report: for every benchmark, the full name of its in-run
/// baseline (<c>[Benchmark(Baseline = true)]</c> in its logical group). BenchmarkDotNet's JSON carries no baseline mark,
/// and bench/Pulya.BenchCompare compares these ratios, which hold across machines.
/// </summary>
public sealed class BaselinesExporter : ExporterBase
{
    protected override string FileExtension => "json";

    protected override string FileCaption => "baselines";

    public override void ExportToLog(Summary summary, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(logger);
        var map = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var benchmark in summary.BenchmarksCases)
        {
            var baseline = summary.GetBaseline(summary.GetLogicalGroupKey(benchmark));
            if (baseline is not null)
            {
                map[FullNameProvider.GetBenchmarkName(benchmark)] = FullNameProvider.GetBenchmarkName(baseline);
            }
        }

        logger.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object> { ["Baselines"] = map }, new JsonSerializerOptions { WriteIndented = true }));
    }
}
