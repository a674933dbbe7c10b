namespace Pulya.LoadTest;

/// <summary>The success-metrics tables and the gated targets that were missed or could not be measured.</summary>
internal sealed record CheckResult(string Text, IReadOnlyList<string> Failures)
{
    public bool Passed => Failures.Count == 0;
}
