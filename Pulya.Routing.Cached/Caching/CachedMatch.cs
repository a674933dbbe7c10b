namespace Pulya.Routing.Cached;

/// <summary>
/// An immutable cached result: the match and its own copy of the parameter ranges. Shared by every request that hits
/// it; a hit copies the ranges into the caller's span, so no storage is ever handed to two requests.
/// </summary>
internal sealed class CachedMatch(RouteMatch match, Range[] values)
{
    private readonly Range[] _values = values;

    public RouteMatch Match { get; } = match;

    public RouteMatch CopyTo(Span<Range> values)
    {
        _values.CopyTo(values);
        return Match;
    }
}
