namespace Pulya.Advisor.Measuring;

/// <summary>A candidate's figures over the rounds of one phase; allocations are null when they were not read.</summary>
internal sealed record CandidateSummary(
    string Candidate,
    int Phase,
    int Rounds,
    Spread RequestsPerSecond,
    Spread P50Ms,
    Spread P99Ms,
    Spread? AllocatedBytesPerRequest,
    Spread FirstResponseMs,
    Spread PeakWorkingSetMb)
{
    public static IReadOnlyList<CandidateSummary> Of(IEnumerable<RoundSample> samples) =>
        [.. samples.GroupBy(s => (s.Phase, s.Candidate)).Select(g =>
        {
            var allocations = g.Where(s => s.AllocatedBytesPerRequest is not null).Select(s => s.AllocatedBytesPerRequest!.Value).ToList();
            return new CandidateSummary(
                g.Key.Candidate,
                g.Key.Phase,
                g.Count(),
                Spread.Of([.. g.Select(s => s.RequestsPerSecond)]),
                Spread.Of([.. g.Select(s => s.P50Ms)]),
                Spread.Of([.. g.Select(s => s.P99Ms)]),
                allocations.Count > 0 ? Spread.Of(allocations) : null,
                Spread.Of([.. g.Select(s => s.FirstResponseMs)]),
                Spread.Of([.. g.Select(s => s.PeakWorkingSetMb)]));
        })];
}
