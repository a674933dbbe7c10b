using System.Reflection;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Pulya.Benchmarks;

/// <summary>
/// The command line: selects suites of an assembly with BenchmarkDotNet's switcher (<c>--filter</c>, <c>--job</c>, …) and
/// turns its summaries into an exit code: 1 when any benchmark failed to build, threw (in its setup, its checks or
/// its body), produced no measurement, or the run had validation errors; 0 otherwise.
/// </summary>
public static class BenchmarkProgram
{
    /// <summary>Runs the switcher over <paramref name="assembly"/> with the shared configuration and returns the exit code.</summary>
    public static int Run(string[] args, Assembly assembly, IConfig? config = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        var shared = config ?? new PulyaBenchmarkConfig();
        if (args.Contains("--alloc-profiler"))
        {
            // An EventPipe allocation trace (gc-verbose: GC events and allocation samples) per benchmark.
            args = [.. args.Where(a => a != "--alloc-profiler")];
            shared = ManualConfig.Create(shared).AddDiagnoser(new EventPipeProfiler(EventPipeProfile.GcVerbose));
        }

        var summaries = BenchmarkSwitcher.FromAssembly(assembly).Run(args, shared).ToList();
        var failures = Failures(summaries);
        foreach (var failure in failures)
        {
            Console.Error.WriteLine("FAILED: " + failure);
        }

        return failures.Count == 0 ? 0 : 1;
    }

    /// <summary>One line per failed benchmark or validation error of <paramref name="summaries"/>.</summary>
    public static List<string> Failures(IEnumerable<Summary> summaries)
    {
        ArgumentNullException.ThrowIfNull(summaries);
        var failures = new List<string>();
        foreach (var summary in summaries)
        {
            failures.AddRange(summary.ValidationErrors.Where(e => e.IsCritical).Select(e => $"validation: {e.Message}"));
            var reported = summary.Reports.ToDictionary(r => r.BenchmarkCase);
            foreach (var benchmark in summary.BenchmarksCases)
            {
                if (!reported.TryGetValue(benchmark, out var report))
                {
                    failures.Add($"{benchmark.DisplayInfo}: not run");
                }
                else if (!report.BuildResult.IsBuildSuccess)
                {
                    failures.Add($"{benchmark.DisplayInfo}: build failed ({report.BuildResult.ErrorMessage})");
                }
                else if (!report.Success || report.ExecuteResults.Any(r => !r.IsSuccess) || report.ResultStatistics is null)
                {
                    failures.Add($"{benchmark.DisplayInfo}: failed (an exception in its setup, checks or body, or no measurement)");
                }
            }
        }

        return failures;
    }
}
