using System.Globalization;
using Pulya.Advisor.Candidates;
using Pulya.Advisor.Measuring;

namespace Pulya.Advisor.Reporting;

/// <summary>
/// The noise rule. With fewer than two rounds there is no noise measured and nothing beats anything. A candidate beats
/// the defaults when (1) its slowest round served more requests per second than the
/// defaults' fastest round — the ranges over the rounds do not overlap — and (2) its median gain is larger than the
/// relative spread of either (max − min over median), and (3) its p99 latency is not worse beyond the noise (its best
/// round's p99 above the defaults' worst). The recommendation is the beater with the highest median req/s, or a
/// beater with fewer settings that it does not beat by the same rule; with no beater: "no difference: keep the defaults". Candidates that answered differently never get here.
/// </summary>
internal static class Recommendation
{
    public const string NoDifference = "no difference: keep the defaults";

    public static bool Beats(CandidateSummary candidate, CandidateSummary defaults)
    {
        var gain = (candidate.RequestsPerSecond.Median - defaults.RequestsPerSecond.Median) / defaults.RequestsPerSecond.Median;
        var noise = Math.Max(candidate.RequestsPerSecond.Relative, defaults.RequestsPerSecond.Relative);
        return candidate.Rounds >= 2 && defaults.Rounds >= 2
            && candidate.RequestsPerSecond.Min > defaults.RequestsPerSecond.Max
            && gain > noise
            && candidate.P99Ms.Min <= defaults.P99Ms.Max;
    }

    public static Verdict Decide(IReadOnlyList<CandidateSummary> summaries)
    {
        var defaults = summaries.SingleOrDefault(s => s.Candidate == Candidate.DefaultsName);
        if (defaults is null || defaults.RequestsPerSecond.Median <= 0)
        {
            return new Verdict([], null, "no recommendation: the defaults were not measured");
        }

        if (defaults.Rounds < 2)
        {
            return new Verdict([], null, "no recommendation: one round measures no noise (run with --rounds 3)");
        }

        var winners = summaries.Where(s => s.Candidate != Candidate.DefaultsName && Beats(s, defaults))
            .OrderByDescending(s => s.RequestsPerSecond.Median).ToList();
        if (winners.Count == 0)
        {
            return new Verdict([], null, NoDifference);
        }

        // A simpler set (fewer settings) that the fastest does not beat beyond the noise is the better advice.
        var best = winners.Where(w => w == winners[0] || !Beats(winners[0], w)).MinBy(w => w.Candidate.Split(" + ").Length)!;
        var text = string.Create(CultureInfo.InvariantCulture,
            $"use {best.Candidate}: {best.RequestsPerSecond.Median / defaults.RequestsPerSecond.Median:0.00}x the defaults' req/s (rounds {best.RequestsPerSecond.Min:N0}–{best.RequestsPerSecond.Max:N0} vs {defaults.RequestsPerSecond.Min:N0}–{defaults.RequestsPerSecond.Max:N0})");
        return new Verdict([.. winners.Select(w => w.Candidate)], best.Candidate, text);
    }
}
