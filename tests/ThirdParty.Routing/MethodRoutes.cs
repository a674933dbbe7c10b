using Pulya.Routing;

namespace ThirdParty.Routing;

/// <summary>The routes of one HTTP method: static paths in a dictionary, the others by segment count in precedence order.</summary>
internal sealed class MethodRoutes
{
    private readonly Dictionary<string, RouteEntry> _static = new(StringComparer.Ordinal);
    private readonly Dictionary<int, List<RouteEntry>> _bySegmentCount = [];
    private readonly List<RouteEntry> _catchAll = [];

    /// <summary>Adds a route; routes are added in precedence order.</summary>
    public void Add(RouteEntry route)
    {
        var template = route.Template;
        if (template.IsStatic)
        {
            _static.Add(template.Text, route);
        }
        else if (template.HasCatchAll)
        {
            _catchAll.Add(route);
        }
        else
        {
            if (!_bySegmentCount.TryGetValue(template.Segments.Count, out var routes))
            {
                _bySegmentCount[template.Segments.Count] = routes = [];
            }

            routes.Add(route);
        }
    }

    /// <summary>The route of highest precedence matching the path, its parameter values written to <paramref name="values"/>.</summary>
    public RouteEntry? Find(string path, Range[] segments, Span<Range> values)
    {
        if (_static.TryGetValue(path, out var found))
        {
            return found;
        }

        // Precedence ranks segment by segment; a catch-all segment ranks last, so a template of exactly the path's length
        // is tried before a catch-all one only when they differ before the catch-all: merge both lists by precedence.
        var exact = _bySegmentCount.TryGetValue(segments.Length, out var sameLength) ? sameLength : null;
        var i = 0;
        var j = 0;
        while ((exact is not null && i < exact.Count) || j < _catchAll.Count)
        {
            var takeExact = exact is not null && i < exact.Count
                && (j == _catchAll.Count || RoutePrecedence.Compare(exact[i].Template, _catchAll[j].Template) <= 0);
            var route = takeExact ? exact![i++] : _catchAll[j++];
            if (TemplateMatcher.TryMatch(route.Template, path, segments, values))
            {
                return route;
            }
        }

        return null;
    }
}
