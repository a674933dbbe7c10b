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

        // What the test can tell from noise at all (threshold 0); below the absolute noise floor nothing is reported either.
        var detectable = Math.Max(DetectableShift(stored, current, 0, alpha), noise / before * 100);
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
    /// The smallest slowdown, in percent, that a one-sided Mann–Whitney test at <paramref name="alpha"/> tells from
    /// noise with these iterations, added to the threshold <paramref name="percent"/>: the current iterations, moved to
    /// the stored median (so only their spread remains), are slowed step by step until the test is significant. At
    /// threshold 0 this is what the noise lets the comparison detect at all (reported as the detectable shift); it
    /// grows with the spread of the iterations and with fewer of them.
    /// </summary>
    internal static double DetectableShift(IReadOnlyList<double> stored, IReadOnlyList<double> current, double percent, double alpha)
    {
        var scale = Statistics.Median(stored) / Statistics.Median(current);
        bool Flagged(double shift) => OneSidedPValue([.. current.Select(v => v * scale * (1 + shift))], stored) < alpha;

        double low = 0, high = 0.001;
        while (!Flagged(high))
        {
            low = high;
            high *= 2;
            if (high > 1000)
            {
                return double.PositiveInfinity;
            }
        }

        for (var i = 0; i < 30 && high - low > 0.0001; i++)
        {
            var middle = (low + high) / 2;
            (low, high) = Flagged(middle) ? (low, middle) : (middle, high);
        }

        return percent + (high * 100);
    }

    /// <summary>P(<paramref name="x"/> is not greater than <paramref name="y"/>): the one-sided Mann–Whitney U test, normal approximation with continuity correction.</summary>
    internal static double OneSidedPValue(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        double u = 0;
        foreach (var a in x)
        {
            foreach (var b in y)
            {
                u += a > b ? 1 : a == b ? 0.5 : 0;
            }
        }

        double n1 = x.Count, n2 = y.Count;
        var z = (u - (n1 * n2 / 2) - 0.5) / Math.Sqrt(n1 * n2 * (n1 + n2 + 1) / 12);
        return 0.5 * Erfc(z / Math.Sqrt(2));
    }

    /// <summary>The complementary error function (Abramowitz and Stegun 7.1.26, absolute error below 1.5e-7).</summary>
    private static double Erfc(double x)
    {
        var t = 1 / (1 + (0.3275911 * Math.Abs(x)));
        var y = t * (0.254829592 + (t * (-0.284496736 + (t * (1.421413741 + (t * (-1.453152027 + (t * 1.061405429))))))));
        var erfc = y * Math.Exp(-x * x);
        return x >= 0 ? erfc : 2 - erfc;
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
