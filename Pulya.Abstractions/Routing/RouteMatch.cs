namespace Pulya.Routing;

/// <summary>
/// The result of <see cref="IRouter.Match"/>: found (route; parameter values were written to the caller's span),
/// not found, or method not allowed (with the allowed methods). A struct, so matching allocates nothing.
/// </summary>
public readonly struct RouteMatch : IEquatable<RouteMatch>
{
    private RouteMatch(RouteMatchKind kind, RouteEntry? route, AllowedMethods? allowed)
    {
        Kind = kind;
        Route = route;
        Allowed = allowed;
    }

    /// <summary>No route matches the path.</summary>
    public static RouteMatch NotFound => default;

    /// <summary>The outcome.</summary>
    public RouteMatchKind Kind { get; }

    /// <summary>The matched route when <see cref="Kind"/> is <see cref="RouteMatchKind.Found"/>, otherwise null.</summary>
    public RouteEntry? Route { get; }

    /// <summary>The methods the path accepts when <see cref="Kind"/> is <see cref="RouteMatchKind.MethodNotAllowed"/>, otherwise null.</summary>
    public AllowedMethods? Allowed { get; }

    /// <summary>A match of <paramref name="route"/>.</summary>
    public static RouteMatch Found(RouteEntry route)
    {
        ArgumentNullException.ThrowIfNull(route);
        return new RouteMatch(RouteMatchKind.Found, route, null);
    }

    /// <summary>The path exists, but not for the request's method.</summary>
    public static RouteMatch MethodNotAllowed(AllowedMethods allowed)
    {
        ArgumentNullException.ThrowIfNull(allowed);
        return new RouteMatch(RouteMatchKind.MethodNotAllowed, null, allowed);
    }

    /// <summary>Equality of two results.</summary>
    public static bool operator ==(RouteMatch left, RouteMatch right) => left.Equals(right);

    /// <summary>Inequality of two results.</summary>
    public static bool operator !=(RouteMatch left, RouteMatch right) => !left.Equals(right);

    /// <inheritdoc />
    public bool Equals(RouteMatch other) => Kind == other.Kind && ReferenceEquals(Route, other.Route) && Equals(Allowed, other.Allowed);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is RouteMatch other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Kind, Route, Allowed);

    /// <inheritdoc />
    public override string ToString() => Kind switch
    {
        RouteMatchKind.Found => "Found " + Route,
        RouteMatchKind.MethodNotAllowed => "MethodNotAllowed (" + Allowed + ")",
        _ => "NotFound",
    };
}
