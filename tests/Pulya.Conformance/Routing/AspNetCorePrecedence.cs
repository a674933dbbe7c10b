using System.Globalization;
using System.Text;
using Pulya.Routing;
using AspNetTemplateParser = Microsoft.AspNetCore.Routing.Template.TemplateParser;

namespace Pulya.Conformance.Routing;

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
            _ when segment.Constraint == RouteConstraint.None => "{p" + i.ToString(CultureInfo.InvariantCulture) + "}",
            _ => "{p" + i.ToString(CultureInfo.InvariantCulture) + ":" + segment.Constraint.ToString().ToLowerInvariant() + "}",
        }));
        return Microsoft.AspNetCore.Routing.Template.RoutePrecedence.ComputeInbound(AspNetTemplateParser.Parse(text));
    }

    /// <summary>
    /// Where ASP.NET Core leaves two typed parameters tied (both digit 2), Pulya orders them by constraint: a key per
    /// segment, the constraint's position for a typed parameter and 0 otherwise, compared ordinally.
    /// </summary>
    public static string TypedOrder(RouteTemplate template)
    {
        ArgumentNullException.ThrowIfNull(template);
        var key = new StringBuilder();
        foreach (var segment in template.Segments)
        {
            key.Append(segment.Kind == RouteSegmentKind.Parameter ? (char)('0' + (int)segment.Constraint) : '0');
        }

        return key.ToString();
    }
}
