using Pulya.Advisor.Mix;

namespace Pulya.Advisor.Candidates;

/// <summary>
/// The module sets worth measuring, from what the application registered (its route table file): one switch at a time
/// away from what it selects now — every other registered router, serializer, endpoint binder and pool provider
/// (<c>Pulya:Router</c>, <c>Pulya:Serializer</c>, <c>Pulya:Binder</c>, <c>Pulya:PoolProvider</c>), every module section
/// switched to the other state (<c>Pulya:RouteCache:Enabled</c>, <c>Pulya:Pooling:Enabled</c>) — or, on request, the full
/// product of all those choices.
/// </summary>
internal static class CandidatePlanner
{
    public static readonly string[] Kinds = ["Router", "Serializer", "Binder", "PoolProvider"];

    /// <summary>The single switches, each as a candidate; <paramref name="only"/> keeps the switches whose key or name it lists.</summary>
    public static IReadOnlyList<Candidate> Singles(RouteTable table, IReadOnlySet<string>? only = null) =>
        [.. Dimensions(table).SelectMany(d => d.Alternatives).Where(s => Wanted(s, only)).Select(s => new Candidate([s]))];

    /// <summary>Every combination of one choice per dimension, the defaults excluded.</summary>
    public static IReadOnlyList<Candidate> Product(RouteTable table, IReadOnlySet<string>? only = null)
    {
        IEnumerable<List<KeyValuePair<string, string>>> sets = [[]];
        foreach (var (_, alternatives) in Dimensions(table))
        {
            var choices = alternatives.Where(s => Wanted(s, only)).ToList();
            sets = sets.SelectMany(set => choices.Select(c => (List<KeyValuePair<string, string>>)[.. set, c]).Prepend(set)).ToList();
        }

        return [.. sets.Where(s => s.Count > 0).Select(s => new Candidate(s))];
    }

    private static bool Wanted(KeyValuePair<string, string> setting, IReadOnlySet<string>? only) =>
        only is null || only.Contains(setting.Key) || only.Contains(setting.Key.Split(':')[0]) || only.Contains(setting.Value) || only.Contains($"{setting.Key}={setting.Value}");

    private static IEnumerable<(string Key, List<KeyValuePair<string, string>> Alternatives)> Dimensions(RouteTable table)
    {
        foreach (var kind in Kinds)
        {
            var selected = table.Selected(kind);
            yield return (kind, [.. table.Registered(kind).Where(n => n != selected).Select(n => new KeyValuePair<string, string>(kind, n))]);
        }

        foreach (var (name, enabled) in table.Sections)
        {
            yield return (name, [new($"{name}:Enabled", enabled ? "false" : "true")]);
        }
    }
}
