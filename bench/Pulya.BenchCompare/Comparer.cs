using System.Globalization;
using Perfolizer.Mathematics.Common;
using Perfolizer.Mathematics.SignificanceTesting;
using Perfolizer.Mathematics.SignificanceTesting.MannWhitney;
using Perfolizer.Metrology;
using Pragmastat;
using Pulya.Bench;

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
    private static readonly SimpleEquivalenceTest Test = new(MannWhitneyTest.Instance);

    /// <summary>
    /// The fewest measured iterations per side with which the one-sided Mann–Whitney test can reach
    /// <paramref name="alpha"/> at all: with n iterations on each side the smallest possible p-value is 1 / C(2n, n)
    /// (complete separation), so 3 per side (p ≥ 0.05) can never be significant at 0.01, 5 per side (p ≥ 0.004) can.
    /// </summary>
    public static int MinimumIterations(double alpha)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(alpha);
        var n = 1;
        while (1 / Choose(2 * n, n) > alpha)
        {
            n++;
        }

        return n;
    }

    /// <summary>
    /// Benchmarks of either side that have some measured iterations but fewer than <see cref="MinimumIterations"/>
    /// for <paramref name="alpha"/>: a comparison of them could never find a regression, so it is refused.
    /// (No iterations at all is a failed benchmark: its verdict is <see cref="Verdict.Unknown"/>.)
    /// </summary>
    public static List<string> TooFewIterations(IReadOnlyList<BenchmarkResult> stored, IReadOnlyList<BenchmarkResult> current, double alpha)
    {
        var minimum = MinimumIterations(alpha);
        return [.. stored.Select(s => ("stored", s)).Concat(current.Select(c => ("current", c)))
            .Where(x => x.Item2.IterationNanoseconds.Count is > 0 && x.Item2.IterationNanoseconds.Count < minimum)
            .Select(x => string.Create(CultureInfo.InvariantCulture, $"{x.Item1} {x.Item2.FullName}: {x.Item2.IterationNanoseconds.Count} iterations"))];
    }

    /// <summary>Does this verdict fail the comparison? Regressions, benchmarks missing from the current run and benchmarks without measurements do.</summary>
    public static bool Fails(Verdict verdict) => verdict is Verdict.Regression or Verdict.Missing or Verdict.Unknown;

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
        var before = Statistics.Median(stored);
        var after = Statistics.Median(current);
        if (stored.Count == 0 || current.Count == 0)
        {
            return new Finding(name, metric, stored.Count > 0 ? before : null, current.Count > 0 ? after : null, Verdict.Unknown, "no measured iterations");
        }

        var minimum = MinimumIterations(alpha);
        if (stored.Count < minimum || current.Count < minimum)
        {
            throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture,
                $"{name}: {stored.Count} stored and {current.Count} current iterations; alpha {alpha} needs at least {minimum} per side."));
        }

        // Below the absolute noise floor nothing is reported, so the detectable shift is at least the floor.
        var detectable = Math.Max(DetectableShift(stored, current, percent, alpha), noise / before * 100);
        if (Math.Abs(after - before) <= noise)
        {
            return new Finding(name, metric, before, after, Verdict.Same, string.Create(CultureInfo.InvariantCulture, $"within the noise floor ({noise} ns)"))
            {
                ThresholdPercent = percent,
                DetectablePercent = detectable,
            };
        }

        var verdict = Test.Perform(new Sample([.. current]), new Sample([.. stored]), ParseThreshold(percent), new SignificanceLevel(alpha)) switch
        {
            ComparisonResult.Greater => Verdict.Regression,
            ComparisonResult.Lesser => Verdict.Improvement,
            ComparisonResult.Indistinguishable => Verdict.Same,
            _ => Verdict.Unknown,
        };
        return new Finding(name, metric, before, after, verdict, string.Create(CultureInfo.InvariantCulture, $"Mann–Whitney TOST, alpha {alpha}"))
        {
            ThresholdPercent = percent,
            DetectablePercent = detectable,
        };
    }

    /// <summary>
    /// The smallest slowdown, in percent, that this comparison would report as a regression: the current iterations,
    /// moved to the stored median (so only their spread remains), are slowed step by step until the test says
    /// "greater". It is never below the threshold and grows with the spread of the iterations and with fewer of them.
    /// </summary>
    internal static double DetectableShift(IReadOnlyList<double> stored, IReadOnlyList<double> current, double percent, double alpha)
    {
        var scale = Statistics.Median(stored) / Statistics.Median(current);
        var threshold = ParseThreshold(percent);
        var level = new SignificanceLevel(alpha);
        bool Flagged(double shift) =>
            Test.Perform(new Sample([.. current.Select(v => v * scale * (1 + shift))]), new Sample([.. stored]), threshold, level) == ComparisonResult.Greater;

        double low = percent / 100, high = Math.Max(low, 0.01);
        while (!Flagged(high))
        {
            low = high;
            high *= 2;
            if (high > 1000)
            {
                return double.PositiveInfinity;
            }
        }

        for (var i = 0; i < 20 && high - low > 0.0005; i++)
        {
            var middle = (low + high) / 2;
            (low, high) = Flagged(middle) ? (low, middle) : (middle, high);
        }

        return high * 100;
    }

    private static Threshold ParseThreshold(double percent) => Threshold.Parse(string.Create(CultureInfo.InvariantCulture, $"{percent}%"));

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

        return new Finding(name, Metric.Allocations, stored, current, verdict, "exact") { ThresholdPercent = percent, DetectablePercent = percent };
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

    private static double Choose(int n, int k)
    {
        var result = 1.0;
        for (var i = 1; i <= k; i++)
        {
            result = result * (n - k + i) / i;
        }

        return result;
    }
}
