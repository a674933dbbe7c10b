using Pulya.Routing;

namespace ThirdParty.Routing;

/// <summary>A router that answers exactly as the router it wraps and counts its answers.</summary>
public sealed class CountingRouter(IRouter inner, MatchCounts counts) : IRouter
{
    /// <inheritdoc />
    public RouteTable Table => inner.Table;

    /// <summary>The router that answers.</summary>
    public IRouter Inner => inner;

    /// <inheritdoc />
    public RouteMatch Match(string method, string path, Span<Range> values)
    {
        var match = inner.Match(method, path, values);
        counts.Add(match.Kind);
        return match;
    }
}
