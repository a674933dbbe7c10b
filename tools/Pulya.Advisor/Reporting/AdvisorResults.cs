using Pulya.Advisor.Correctness;
using Pulya.Advisor.Measuring;

namespace Pulya.Advisor.Reporting;

/// <summary>Everything a run wrote to <c>advice.json</c>.</summary>
internal sealed record AdvisorResults(
    DateTimeOffset Started,
    Dictionary<string, string> Settings,
    IReadOnlyList<MixEntry> Mix,
    IReadOnlyList<CheckOutcome> Checks,
    IReadOnlyList<RoundSample> Samples,
    IReadOnlyList<CandidateSummary> Summaries,
    Verdict Verdict,
    IReadOnlyList<string> Problems,
    string Snippet);
