namespace Pulya.Routing;

/// <summary>What a segment of a route template matches.</summary>
public enum RouteSegmentKind
{
    /// <summary>Exactly the literal text (ordinal, case-sensitive). An empty literal is a trailing slash.</summary>
    Literal,

    /// <summary>One non-empty path segment, optionally restricted by a <see cref="RouteConstraint"/>.</summary>
    Parameter,

    /// <summary>The rest of the path, slashes included, possibly empty. Only allowed as the last segment.</summary>
    CatchAll,
}
