namespace ThirdParty.Routing;

/// <summary>Options of the match counter, section <c>Pulya:MatchCounter</c>.</summary>
public sealed class MatchCounterOptions
{
    /// <summary>The configuration section, under <c>Pulya</c>.</summary>
    public const string SectionName = "MatchCounter";

    /// <summary>Whether the selected router is wrapped in the counter. Defaults to false.</summary>
    public bool Enabled { get; set; }
}
