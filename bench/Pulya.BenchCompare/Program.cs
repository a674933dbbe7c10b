using System.Globalization;
using System.Text;
using Pulya.BenchCompare;

// Compares BenchmarkDotNet full-JSON results against stored baselines; exit code 1 when anything regressed.
//   dotnet run -c Release --project bench/Pulya.BenchCompare -- --baseline bench/baselines --current BenchmarkDotNet.Artifacts/results [--thresholds bench/thresholds.json] [--markdown report.md]
string? baseline = null, current = null, thresholdsFile = null, markdown = null;
for (var i = 0; i < args.Length; i++)
{
    string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
    switch (args[i])
    {
        case "--baseline": baseline = Value(); break;
        case "--current": current = Value(); break;
        case "--thresholds": thresholdsFile = Value(); break;
        case "--markdown": markdown = Value(); break;
        default:
            Console.Error.WriteLine($"Unknown option '{args[i]}'. Usage: --baseline DIR --current DIR [--thresholds FILE] [--markdown FILE]");
            return 2;
    }
}

if (baseline is null || current is null)
{
    Console.Error.WriteLine("Usage: --baseline DIR|FILE --current DIR|FILE [--thresholds bench/thresholds.json] [--markdown FILE]");
    return 2;
}

try
{
    var thresholds = Thresholds.Load(thresholdsFile ?? (File.Exists("bench/thresholds.json") ? "bench/thresholds.json" : null));
    var findings = Comparer.Compare(ResultReader.Read(baseline), ResultReader.Read(current), thresholds);
    var table = Render(findings);
    Console.WriteLine(table);
    if (markdown is not null)
    {
        await File.WriteAllTextAsync(markdown, table);
    }

    var regressions = findings.Count(f => f.Verdict == Verdict.Regression);
    Console.WriteLine(regressions == 0
        ? $"No regression beyond the thresholds ({findings.Count} comparisons)."
        : $"{regressions} regression(s) beyond the thresholds ({findings.Count} comparisons).");
    return regressions == 0 ? 0 : 1;
}
catch (Exception ex) when (ex is IOException or InvalidDataException or System.Text.Json.JsonException or UnauthorizedAccessException)
{
    Console.Error.WriteLine(ex.Message);
    return 2;
}

static string Render(IReadOnlyList<Finding> findings)
{
    var text = new StringBuilder("| benchmark | metric | stored | current | change | verdict | how |\n| --- | --- | ---: | ---: | ---: | --- | --- |\n");
    foreach (var f in findings.OrderBy(f => f.Verdict == Verdict.Regression ? 0 : 1).ThenBy(f => f.Benchmark, StringComparer.Ordinal).ThenBy(f => f.Metric))
    {
        string Value(double? v) => v is null ? "–" : f.Metric switch
        {
            Metric.Time => v.Value.ToString("N2", CultureInfo.InvariantCulture) + " ns",
            Metric.Allocations => v.Value.ToString("N0", CultureInfo.InvariantCulture) + " B",
            _ => v.Value.ToString("0.000", CultureInfo.InvariantCulture) + "x",
        };
        text.Append(CultureInfo.InvariantCulture,
            $"| {f.Benchmark.Replace("|", "\\|", StringComparison.Ordinal)} | {f.Metric} | {Value(f.Baseline)} | {Value(f.Current)} | {(f.Change is { } c ? c.ToString("+0.0%;-0.0%;0.0%", CultureInfo.InvariantCulture) : "–")} | {(f.Verdict == Verdict.Regression ? "**REGRESSION**" : f.Verdict.ToString())} | {f.Note} |\n");
    }

    return text.ToString();
}
