using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Exporters.Json;
using BenchmarkDotNet.Reports;

namespace Pulya.Benchmarks;

/// <summary>
/// The one configuration every suite shares: memory diagnoser, full JSON (for bench/Pulya.BenchCompare) and GitHub
/// Markdown exporters, ratio and statistical columns. The job comes from the command line (<c>--job short</c>,
/// <c>--job dry</c>); without one, BenchmarkDotNet's default job runs. GC settings are the host's (server GC, set in
/// bench/Directory.Build.props), which BenchmarkDotNet carries into the generated benchmark process.
/// </summary>
public sealed class PulyaBenchmarkConfig : ManualConfig
{
    public PulyaBenchmarkConfig()
    {
        AddDiagnoser(MemoryDiagnoser.Default);
        AddExporter(JsonExporter.Full, MarkdownExporter.GitHub, new BaselinesExporter());
        AddColumn(StatisticColumn.Median, StatisticColumn.P95, BaselineRatioColumn.RatioMean);
        AddColumnProvider(DefaultColumnProviders.Instance);
        AddLogger(BenchmarkDotNet.Loggers.ConsoleLogger.Default);
        // The generated project builds on a shared, slow machine: BenchmarkDotNet's default 2 minutes is not always enough.
        WithBuildTimeout(TimeSpan.FromMinutes(10));
        WithOrderer(new BenchmarkDotNet.Order.DefaultOrderer(BenchmarkDotNet.Order.SummaryOrderPolicy.Declared));
        WithSummaryStyle(SummaryStyle.Default.WithRatioStyle(RatioStyle.Trend));
        AddLogicalGroupRules(BenchmarkLogicalGroupRule.ByCategory, BenchmarkLogicalGroupRule.ByParams);
    }
}
