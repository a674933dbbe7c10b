using Pulya.Advisor.Measuring;

namespace Pulya.Advisor.Tests;

/// <summary>Candidate summaries built from per-round figures, for the report and recommendation tests.</summary>
internal static class Summaries
{
    public static CandidateSummary Of(string candidate, double[] rps, double[]? p99 = null, int phase = 1)
    {
        p99 ??= [.. rps.Select(_ => 2.0)];
        var samples = rps.Select((r, i) => new RoundSample(candidate, phase, i + 1, r, (long)r, 1, p99[i], 400, 300, 50, 60, 0, 0));
        return CandidateSummary.Of(samples).Single();
    }
}
