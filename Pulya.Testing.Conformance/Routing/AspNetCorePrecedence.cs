using System.Globalization;
using Pulya.Routing;
using AspNetTemplateParser = Microsoft.AspNetCore.Routing.Template.TemplateParser;

namespace Pulya.Testing.Conformance.Routing;

/// <summary>ASP.NET Core's own inbound route precedence, computed by ASP.NET Core, as an oracle independent of Pulya's routers.</summary>
public static class AspNetCorePrecedence
{
    /// <summary>
    /// <c>Microsoft.AspNetCore.Routing.Template.RoutePrecedence.ComputeInbound</c> of the template: one digit per segment
    /// (literal 1, constrained parameter 2, parameter 3, catch-all 4); the lower value is tried first.
    /// </summary>
    public static decimal Inbound(RouteTemplate template)
    {
        ArgumentNullException.ThrowIfNull(template);
        // Literal text never changes the digit; an empty literal (trailing slash) is written as a letter ASP.NET accepts.
        var text = string.Join('/', template.Segments.Select((segment, i) => segment.Kind switch
        {
            RouteSegmentKind.Literal => "l",
            RouteSegmentKind.CatchAll => "{*rest}",
            _ when segment.Constraint.IsNone => "{p" + i.ToString(CultureInfo.InvariantCulture) + "}",
            _ => "{p" + i.ToString(CultureInfo.InvariantCulture) + ":" + Escape(segment.Constraint.Text) + "}",
        }));
        return Microsoft.AspNetCore.Routing.Template.RoutePrecedence.ComputeInbound(AspNetTemplateParser.Parse(text));
    }

    /// <summary>
    /// Where ASP.NET Core leaves two constrained parameters tied (both digit 2), Pulya orders them by their constraints:
    /// the first segment whose constraints differ decides, by <see cref="RouteConstraint.Compare"/>.
    /// </summary>
    public static IComparer<RouteTemplate> TypedOrder { get; } = Comparer<RouteTemplate>.Create(static (x, y) =>
    {
        for (var i = 0; i < Math.Min(x.Segments.Count, y.Segments.Count); i++)
        {
            var order = RouteConstraint.Compare(x.Segments[i].Constraint, y.Segments[i].Constraint);
            if (order != 0)
            {
                return order;
            }
        }

        return 0;
    });

    /// <summary>Constraint text as an ASP.NET Core template writes it: braces of a pattern doubled.</summary>
    public static string Escape(string constraint)
    {
        ArgumentNullException.ThrowIfNull(constraint);
        return constraint.Replace("{", "{{", StringComparison.Ordinal).Replace("}", "}}", StringComparison.Ordinal);
    }
}
