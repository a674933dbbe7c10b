using Pulya.Routing;

namespace Pulya.Testing.Conformance.Routing;

/// <summary>
/// The documented path semantics, written independently of every router (split the path on '/', compare segment by
/// segment): a parameter takes one non-empty segment, a catch-all the rest (slashes included, possibly empty, so
/// <c>/files/{*rest}</c> also matches <c>/files</c>), trailing slash significant, ordinal comparison, <c>%2F</c> never splits;
/// constraints are checked by ASP.NET Core's own route constraints.
/// </summary>
public static class ReferenceMatcher
{
    /// <summary>The parameter ranges when <paramref name="path"/> matches <paramref name="template"/>, otherwise null.</summary>
    public static Range[]? Match(RouteTemplate template, string path)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(path);
        if (path.Length == 0 || path[0] != '/')
        {
            return null;
        }

        if (template.Segments.Count == 0)
        {
            return path == "/" ? [] : null;
        }

        var pathSegments = new List<Range>();
        var start = 1;
        while (true)
        {
            var slash = path.IndexOf('/', start);
            if (slash < 0)
            {
                pathSegments.Add(new Range(start, path.Length));
                break;
            }

            pathSegments.Add(new Range(start, slash));
            start = slash + 1;
        }

        var values = new List<Range>();
        for (var i = 0; i < template.Segments.Count; i++)
        {
            var segment = template.Segments[i];
            if (segment.Kind == RouteSegmentKind.CatchAll)
            {
                values.Add(new Range(i < pathSegments.Count ? pathSegments[i].Start.Value : path.Length, path.Length));
                return [.. values];
            }

            if (i >= pathSegments.Count)
            {
                return null;
            }

            var text = path.AsSpan()[pathSegments[i]];
            if (segment.Kind == RouteSegmentKind.Literal)
            {
                if (!text.SequenceEqual(segment.Value))
                {
                    return null;
                }
            }
            else
            {
                if (text.IsEmpty || !AspNetCoreConstraints.IsMatch(segment.Constraint, text.ToString()))
                {
                    return null;
                }

                values.Add(pathSegments[i]);
            }
        }

        return pathSegments.Count == template.Segments.Count ? [.. values] : null;
    }
}
