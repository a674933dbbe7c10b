using System.Globalization;
using Perfolizer.Mathematics.Common;
using Perfolizer.Mathematics.SignificanceTesting;
using Perfolizer.Mathematics.SignificanceTesting.MannWhitney;
using Perfolizer.Metrology;
using Pragmastat;

namespace Pulya.BenchCompare;

/// <summary>
/// Compares current results against stored ones, benchmark by benchmark (matched by full name):
/// <list type="bullet">
/// <item>time: a two-one-sided Mann–Whitney test (Perfolizer's equivalence test) of the measured iterations against the
/// relative threshold, after an absolute noise floor on the medians — as dotnet/performance's ResultsComparer does, so
/// noise is not reported as a regression;</item>
/// <item>allocated bytes per operation: nearly deterministic, so any increase beyond the threshold is a regression;</item>
/// <item>the ratio to the in-run baseline of the same class and parameters (e.g. Trie vs Linear), which holds across
/// machines: the same test on the iterations divided by the baseline's median.</item>
/// </list>
/// </summary>
internal static class Comparer
{
    private const int MinimumIterations = 3;
    private static readonly SimpleEquivalenceTest Test = new(MannWhitneyTest.Instance);

    public static List<Finding> Compare(IReadOnlyList<BenchmarkResult> stored, IReadOnlyList<BenchmarkResult> current, Thresholds thresholds)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(thresholds);
        var before = stored.ToDictionary(b => b.FullName, StringComparer.Ordinal);
        var findings = new List<Finding>();
        foreach (var now in current)
        {
            if (!before.TryGetValue(now.FullName, out var then))
            {
                findings.Add(new Finding(now.FullName, Metric.Time, null, now.Median, Verdict.New, "no stored result"));
                continue;
            }

            var limits = thresholds.For(now.FullName);
            findings.Add(CompareSamples(now.FullName, Metric.Time, then.IterationNanoseconds, now.IterationNanoseconds, limits.TimePercent, limits.NoiseNanoseconds, thresholds.Alpha));
            if (then.AllocatedBytes is { } a && now.AllocatedBytes is { } b)
            {
                findings.Add(CompareAllocations(now.FullName, a, b, limits.AllocationPercent));
            }

            var ratio = CompareRatio(now, then, current, stored, limits.RatioPercent, thresholds.Alpha);
            if (ratio is not null)
            {
                findings.Add(ratio);
            }
        }

        var names = current.Select(c => c.FullName).ToHashSet(StringComparer.Ordinal);
        findings.AddRange(stored.Where(s => !names.Contains(s.FullName)).Select(s => new Finding(s.FullName, Metric.Time, s.Median, null, Verdict.Missing, "not in the current results")));
        return findings;
    }

    /// <summary>Is <paramref name="current"/> worse than <paramref name="stored"/> by more than <paramref name="percent"/>?</summary>
    internal static Finding CompareSamples(string name, Metric metric, IReadOnlyList<double> stored, IReadOnlyList<double> current, double percent, double noise, double alpha)
    {
        var before = Median(stored);
        var after = Median(current);
        if (stored.Count == 0 || current.Count == 0)
        {
            return new Finding(name, metric, stored.Count > 0 ? before : null, current.Count > 0 ? after : null, Verdict.Unknown, "no measured iterations");
        }

        if (Math.Abs(after - before) <= noise)
        {
            return new Finding(name, metric, before, after, Verdict.Same, string.Create(CultureInfo.InvariantCulture, $"difference within the noise floor ({noise})"));
        }

        if (stored.Count < MinimumIterations || current.Count < MinimumIterations)
        {
            // Too few iterations for a test (a dry job): judge the medians alone.
            var change = (after / before) - 1;
            var verdict = change > percent / 100 ? Verdict.Regression : change < -percent / 100 ? Verdict.Improvement : Verdict.Same;
            return new Finding(name, metric, before, after, verdict, "medians only (fewer than 3 iterations)");
        }

        var threshold = Threshold.Parse(string.Create(CultureInfo.InvariantCulture, $"{percent}%"));
        var result = Test.Perform(new Sample([.. current]), new Sample([.. stored]), threshold, new SignificanceLevel(alpha));
        return new Finding(name, metric, before, after, result switch
        {
            ComparisonResult.Greater => Verdict.Regression,
            ComparisonResult.Lesser => Verdict.Improvement,
            ComparisonResult.Indistinguishable => Verdict.Same,
            _ => Verdict.Unknown,
        }, string.Create(CultureInfo.InvariantCulture, $"Mann–Whitney TOST, threshold {percent}%, alpha {alpha}"));
    }

    internal static Finding CompareAllocations(string name, double stored, double current, double percent)
    {
        Verdict verdict;
        if (stored == 0)
        {
            verdict = current > 0 ? Verdict.Regression : Verdict.Same;
        }
        else
        {
            var change = (current / stored) - 1;
            verdict = change > percent / 100 ? Verdict.Regression : change < -percent / 100 ? Verdict.Improvement : Verdict.Same;
        }

        return new Finding(name, Metric.Allocations, stored, current, verdict, string.Create(CultureInfo.InvariantCulture, $"threshold {percent}%"));
    }

    /// <summary>The benchmark's iterations divided by its in-run baseline's median, now and then; null without a baseline in both runs.</summary>
    private static Finding? CompareRatio(BenchmarkResult now, BenchmarkResult then, IReadOnlyList<BenchmarkResult> current, IReadOnlyList<BenchmarkResult> stored, double percent, double alpha)
    {
        if (now.BaselineName is null || now.IsBaseline)
        {
            return null;
        }

        var nowBase = current.FirstOrDefault(c => c.FullName == now.BaselineName);
        var thenBase = stored.FirstOrDefault(s => s.FullName == then.BaselineName);
        if (nowBase is null || thenBase is null || nowBase.IterationNanoseconds.Count == 0 || thenBase.IterationNanoseconds.Count == 0)
        {
            return null;
        }

        var nowMedian = nowBase.Median;
        var thenMedian = thenBase.Median;
        var finding = CompareSamples(
            now.FullName,
            Metric.Ratio,
            [.. then.IterationNanoseconds.Select(v => v / thenMedian)],
            [.. now.IterationNanoseconds.Select(v => v / nowMedian)],
            percent,
            noise: 0,
            alpha);
        return finding with { Note = $"ratio to {nowBase.Method}; " + finding.Note };
    }

    private static double Median(IReadOnlyList<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? double.NaN
            : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2]
            : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
