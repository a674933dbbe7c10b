using Pulya.Routing;

namespace ThirdParty.Routing;

/// <summary>Matches a template against a path already split into segments.</summary>
internal static class TemplateMatcher
{
    /// <summary>
    /// Whether <paramref name="template"/> matches the path: literals compare ordinally, a parameter takes one non-empty
    /// segment its constraint accepts, a catch-all takes the rest (slashes included, possibly empty). Parameter values
    /// are written in template order.
    /// </summary>
    public static bool TryMatch(RouteTemplate template, string path, Range[] segments, Span<Range> values)
    {
        var templateSegments = template.Segments;
        var fixedCount = template.HasCatchAll ? templateSegments.Count - 1 : templateSegments.Count;
        if (template.HasCatchAll ? segments.Length < fixedCount : segments.Length != fixedCount)
        {
            return false;
        }

        var parameter = 0;
        for (var i = 0; i < fixedCount; i++)
        {
            var segment = templateSegments[i];
            var text = path.AsSpan(segments[i]);
            if (segment.Kind == RouteSegmentKind.Literal)
            {
                if (!text.SequenceEqual(segment.Value))
                {
                    return false;
                }
            }
            else if (text.IsEmpty || !segment.Constraint.IsMatch(text))
            {
                return false;
            }
            else
            {
                values[parameter++] = segments[i];
            }
        }

        if (template.HasCatchAll)
        {
            // The rest after the fixed segments; "/files" against "/files/{*rest}" leaves an empty rest at the end.
            var start = segments.Length > fixedCount ? segments[fixedCount].Start.Value : path.Length;
            values[parameter] = new Range(start, path.Length);
        }

        return true;
    }
}
