namespace Pulya.Routing;

/// <summary>
/// The baseline router: the routes in <see cref="RoutePrecedence"/> order (<see cref="RouteTable.ByPrecedence"/>), each
/// checked in turn against the path (O(number of routes)). The first route whose template and method match wins, so it
/// answers exactly as every other router does; if the path matched only routes of other methods, the result is 405 with
/// those methods. Simple enough to serve as the oracle for the other routers.
/// </summary>
public sealed class LinearRouter : IRouter
{
    private readonly RouteEntry[] _routes;

    /// <summary>Builds the router over <paramref name="table"/>.</summary>
    public LinearRouter(RouteTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        Table = table;
        _routes = [.. table.ByPrecedence];
    }

    /// <inheritdoc />
    public RouteTable Table { get; }

    /// <inheritdoc />
    public RouteMatch Match(string method, string path, Span<Range> values)
    {
        List<string>? allowed = null;
        foreach (var route in _routes)
        {
            if (!TryMatch(route.Template, path, values))
            {
                continue;
            }

            if (string.Equals(route.Method, method, StringComparison.Ordinal))
            {
                return RouteMatch.Found(route);
            }

            (allowed ??= []).Add(route.Method);
        }

        return allowed is null ? RouteMatch.NotFound : RouteMatch.MethodNotAllowed(new AllowedMethods(allowed));
    }

    /// <summary>Whether <paramref name="path"/> matches <paramref name="template"/>; writes parameter ranges to <paramref name="values"/>.</summary>
    internal static bool TryMatch(RouteTemplate template, string path, Span<Range> values)
    {
        if (path.Length == 0 || path[0] != '/')
        {
            return false;
        }

        var segments = template.Segments;
        var position = 1;
        var parameter = 0;
        if (segments.Count == 0)
        {
            return path.Length == 1;
        }

        for (var i = 0; i < segments.Count; i++)
        {
            var segment = segments[i];
            if (segment.Kind == RouteSegmentKind.CatchAll)
            {
                // "/files/{*rest}" also matches "/files" (empty rest).
                var start = Math.Min(position, path.Length);
                values[parameter] = new Range(start, path.Length);
                return true;
            }

            if (position > path.Length)
            {
                return false;
            }

            var slash = path.IndexOf('/', position);
            var end = slash < 0 ? path.Length : slash;
            var text = path.AsSpan(position, end - position);
            if (segment.Kind == RouteSegmentKind.Literal)
            {
                if (!text.SequenceEqual(segment.Value))
                {
                    return false;
                }
            }
            else
            {
                if (text.Length == 0 || !segment.Constraint.IsMatch(text))
                {
                    return false;
                }

                values[parameter++] = new Range(position, end);
            }

            position = end + 1;
        }

        return position == path.Length + 1;
    }
}
