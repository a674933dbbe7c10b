using System.Globalization;
using System.Text;

namespace Pulya.BenchCompare;

/// <summary>
/// The command line: compares BenchmarkDotNet full-JSON results against stored ones. Exit code 0 when every stored
/// benchmark was measured again and none regressed; 1 when one regressed, is missing from the current results or has
/// no measured iterations; 2 on bad input: no results at all, too few iterations for the significance level (a
/// comparison that could never find a regression), unreadable files or options. With <c>--aa</c> the two result sets
/// are two runs of the same code: any reported difference (regression or improvement) and any time threshold below the
/// shift the test can detect in them fail (1), because <c>bench/thresholds.json</c> would then claim a precision the
/// noise does not allow.
/// </summary>
internal static class CompareCommand
{
    public const string Usage = "Usage: --baseline DIR|FILE --current DIR|FILE [--thresholds bench/thresholds.json] [--markdown FILE] [--aa], or --slim DIR|FILE";

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        if (args is ["--slim", var reports])
        {
            return await SlimAsync(reports, output, error);
        }

        string? baseline = null, current = null, thresholdsFile = null, markdown = null;
        var aa = args.Contains("--aa");
        args = [.. args.Where(a => a != "--aa")];
        for (var i = 0; i < args.Length; i++)
        {
            if (i + 1 >= args.Length || args[i] is not ("--baseline" or "--current" or "--thresholds" or "--markdown"))
            {
                await error.WriteLineAsync($"Unknown option or missing value '{args[i]}'. {Usage}");
                return 2;
            }

            var value = args[++i];
            _ = args[i - 1] switch
            {
                "--baseline" => baseline = value,
                "--current" => current = value,
                "--thresholds" => thresholdsFile = value,
                _ => markdown = value,
            };
        }

        if (baseline is null || current is null)
        {
            await error.WriteLineAsync(Usage);
            return 2;
        }

        try
        {
            var thresholds = Thresholds.Load(thresholdsFile ?? (File.Exists("bench/thresholds.json") ? "bench/thresholds.json" : null));
            var stored = ResultReader.Read(baseline);
            var now = ResultReader.Read(current);
            if (stored.Count == 0 || now.Count == 0)
            {
                await error.WriteLineAsync($"No benchmark results in '{(stored.Count == 0 ? baseline : current)}': nothing to compare.");
                return 2;
            }

            var tooFew = Comparer.TooFewIterations(stored, now, thresholds.Alpha);
            if (tooFew.Count > 0)
            {
                await error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"Refusing to compare: at alpha {thresholds.Alpha} the test needs at least {Comparer.MinimumIterations(thresholds.Alpha)} measured iterations per benchmark and side "
                    + $"(fewer can never be significant); run the suites with more (e.g. --iterationCount 20). Too few: {string.Join("; ", tooFew.Take(5))}{(tooFew.Count > 5 ? $" and {tooFew.Count - 5} more" : "")}."));
                return 2;
            }

            var findings = Comparer.Compare(stored, now, thresholds);
            var table = Render(findings);
            await output.WriteLineAsync(table);
            if (markdown is not null)
            {
                await File.WriteAllTextAsync(markdown, table);
            }

            var failures = findings.Where(f => Comparer.Fails(f.Verdict)).GroupBy(f => f.Verdict).ToDictionary(g => g.Key, g => g.Count());
            // Two runs of the same code: any difference the comparison reports, either way, is noise it took for a change.
            var overclaimed = aa ? findings.Where(f => f.Verdict == Verdict.Improvement || (f.Metric == Metric.Time && f.ThresholdPercent < f.DetectablePercent)).ToList() : [];
            foreach (var f in overclaimed)
            {
                await output.WriteLineAsync(f.Verdict == Verdict.Improvement
                    ? $"A/A: {f.Benchmark}: {f.Metric} reported as an improvement between two runs of the same code."
                    : string.Create(CultureInfo.InvariantCulture, $"A/A: {f.Benchmark}: time threshold {f.ThresholdPercent:0.##}% is below the {f.DetectablePercent:0.##}% this machine's noise lets the test detect; raise it in the thresholds file."));
            }

            if (failures.Count == 0 && overclaimed.Count == 0)
            {
                await output.WriteLineAsync($"No regression beyond the thresholds ({findings.Count} comparisons).");
                return 0;
            }

            await output.WriteLineAsync($"FAILED ({findings.Count} comparisons): " + string.Join(", ", failures.Select(f => $"{f.Value} {f.Key switch
            {
                Verdict.Regression => "regression(s) beyond the thresholds",
                Verdict.Missing => "stored benchmark(s) missing from the current results",
                _ => "benchmark(s) without measured iterations (failed or not run)",
            }}").Concat(overclaimed.Count > 0 ? [$"{overclaimed.Count} A/A difference(s) or time threshold(s) below what the A/A noise allows"] : [])) + ".");
            return 1;
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or System.Text.Json.JsonException or UnauthorizedAccessException or FormatException)
        {
            await error.WriteLineAsync(ex.Message);
            return 2;
        }
    }

    /// <summary><c>--slim</c>: rewrites full-JSON reports in place with only what the comparison reads (<see cref="ReportSlimmer"/>).</summary>
    private static async Task<int> SlimAsync(string reports, TextWriter output, TextWriter error)
    {
        try
        {
            var files = ReportSlimmer.SlimInPlace(reports);
            await output.WriteLineAsync($"Slimmed {files.Count} report(s) in '{reports}'.");
            return files.Count == 0 ? 2 : 0;
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or System.Text.Json.JsonException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync(ex.Message);
            return 2;
        }
    }

    /// <summary>The Markdown table: failures first, then by name; per row the threshold and the smallest detectable slowdown.</summary>
    public static string Render(IReadOnlyList<Finding> findings)
    {
        var text = new StringBuilder("| benchmark | metric | stored | current | change | verdict | threshold | detectable | how |\n| --- | --- | ---: | ---: | ---: | --- | ---: | ---: | --- |\n");
        foreach (var f in findings.OrderBy(f => Comparer.Fails(f.Verdict) ? 0 : 1).ThenBy(f => f.Benchmark, StringComparer.Ordinal).ThenBy(f => f.Metric))
        {
            string Value(double? v) => v is null ? "–" : f.Metric switch
            {
                Metric.Time => v.Value.ToString("N2", CultureInfo.InvariantCulture) + " ns",
                Metric.Allocations => v.Value.ToString("N0", CultureInfo.InvariantCulture) + " B",
                _ => v.Value.ToString("0.000", CultureInfo.InvariantCulture) + "x",
            };
            static string Percent(double? v) => v is null ? "–" : double.IsPositiveInfinity(v.Value) ? "∞" : v.Value.ToString("0.#", CultureInfo.InvariantCulture) + "%";
            text.Append(CultureInfo.InvariantCulture,
                $"| {f.Benchmark.Replace("|", "\\|", StringComparison.Ordinal)} | {f.Metric} | {Value(f.Baseline)} | {Value(f.Current)} | {(f.Change is { } c ? c.ToString("+0.0%;-0.0%;0.0%", CultureInfo.InvariantCulture) : "–")} "
                + $"| {(Comparer.Fails(f.Verdict) ? "**" + f.Verdict.ToString().ToUpperInvariant() + "**" : f.Verdict.ToString())} | {Percent(f.ThresholdPercent)} | {Percent(f.DetectablePercent)} | {f.Note} |\n");
        }

        return text.ToString();
    }
}
