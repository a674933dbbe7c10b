using Pulya.Routing;

namespace ThirdParty.Routing;

/// <summary>
/// A router written against Pulya.Abstractions only. Per HTTP method, static templates sit in a dictionary keyed by
/// their path (one lookup), and the other templates in a list in <see cref="RoutePrecedence"/> order, grouped by
/// segment count, matched segment by segment against the path split once. A static template that matches a path
/// always has precedence over every dynamic one that matches it, so the dictionary is asked first. Constraints are
/// checked through the abstractions' <see cref="RouteConstraints"/>, so any constraint the template parser knows
/// works here unchanged.
/// </summary>
public sealed class SegmentRouter : IRouter
{
    private readonly Dictionary<string, MethodRoutes> _byMethod;

    /// <summary>Builds the router over <paramref name="table"/>.</summary>
    public SegmentRouter(RouteTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        Table = table;
        _byMethod = new Dictionary<string, MethodRoutes>(StringComparer.Ordinal);
        foreach (var route in table.ByPrecedence)
        {
            if (!_byMethod.TryGetValue(route.Method, out var routes))
            {
                _byMethod[route.Method] = routes = new MethodRoutes();
            }

            routes.Add(route);
        }
    }

    /// <inheritdoc />
    public RouteTable Table { get; }

    /// <inheritdoc />
    public RouteMatch Match(string method, string path, Span<Range> values)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(path);
        if (path.Length == 0 || path[0] != '/')
        {
            return RouteMatch.NotFound;
        }

        var segments = PathSegments.Split(path);
        if (_byMethod.TryGetValue(method, out var own) && own.Find(path, segments, values) is { } found)
        {
            return RouteMatch.Found(found);
        }

        List<string>? allowed = null;
        foreach (var (other, routes) in _byMethod)
        {
            if (!string.Equals(other, method, StringComparison.Ordinal) && routes.Find(path, segments, values) is not null)
            {
                (allowed ??= []).Add(other);
            }
        }

        return allowed is null ? RouteMatch.NotFound : RouteMatch.MethodNotAllowed(new AllowedMethods(allowed));
    }
}
