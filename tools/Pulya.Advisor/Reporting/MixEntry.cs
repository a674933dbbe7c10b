namespace Pulya.Advisor.Reporting;

/// <summary>A request of the mix as the report lists it: its label, the defaults' status, whether it was timed, whether its answer varies.</summary>
internal sealed record MixEntry(string Source, string Label, int Status, bool Timed, bool Varies);
