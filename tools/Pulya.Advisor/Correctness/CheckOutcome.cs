namespace Pulya.Advisor.Correctness;

/// <summary>Whether a candidate answered the whole mix as the defaults did; if not, why (start failure or differences).</summary>
internal sealed record CheckOutcome(string Candidate, bool Passed, IReadOnlyList<string> Differences);
