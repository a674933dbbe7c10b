namespace Pulya.Advisor.Reporting;

/// <summary>Which candidates beat the defaults beyond the noise, and the one recommended (null: keep the defaults).</summary>
internal sealed record Verdict(IReadOnlyList<string> Winners, string? Recommended, string Text);
