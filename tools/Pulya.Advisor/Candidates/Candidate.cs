namespace Pulya.Advisor.Candidates;

/// <summary>
/// A module set: configuration settings under <c>Pulya</c> (key → value, e.g. <c>Router</c> → <c>Trie</c>,
/// <c>RouteCache:Enabled</c> → <c>true</c>), passed on the command line exactly as a user would. No settings: the
/// application as it is configured (the defaults every candidate is compared with).
/// </summary>
internal sealed record Candidate(IReadOnlyList<KeyValuePair<string, string>> Settings)
{
    public const string DefaultsName = "defaults";

    public static Candidate Defaults { get; } = new([]);

    public bool IsDefaults => Settings.Count == 0;

    public string Name => IsDefaults ? DefaultsName : string.Join(" + ", Settings.Select(s => $"{s.Key}={s.Value}"));

    /// <summary>The command-line arguments: <c>--Pulya:Key=Value</c> per setting.</summary>
    public IReadOnlyList<string> Arguments => [.. Settings.Select(s => $"--Pulya:{s.Key}={s.Value}")];

    /// <summary>The candidates' settings together (the combination of several winners).</summary>
    public static Candidate Combine(IEnumerable<Candidate> candidates) =>
        new([.. candidates.SelectMany(c => c.Settings).DistinctBy(s => s.Key)]);
}
