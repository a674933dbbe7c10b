namespace Pulya.Routing;

/// <summary>
/// The one order every router uses to choose among the routes of the request's method that match a path: ASP.NET Core's
/// inbound route precedence. Segment by segment, a literal beats a parameter with any constraint (<c>{id:int}</c>,
/// <c>{code:length(3)}</c>, <c>{slug:regex(^[a-z]+$)}</c>: ASP.NET Core ranks every inline constraint alike), which
/// beats a parameter without (<c>{id}</c>), which beats a catch-all (<c>{*rest}</c>); a template that ends where the other
/// goes on wins (<c>/files</c> before <c>/files/{*rest}</c>). Where ASP.NET Core would call two templates ambiguous (they
/// differ only in which constraints their typed parameters have, e.g. <c>{id:int}</c> and <c>{id:long}</c>, both matching
/// <c>42</c>), the first typed parameter whose constraint differs decides, by <see cref="RouteConstraint.Compare"/>
/// (<c>int</c> before <c>long</c>, <c>guid</c>, <c>bool</c>, ..., <c>regex</c>). Registration order never matters: two routes this order cannot
/// tell apart (same method, same shape) are refused when the <see cref="RouteTable"/> is built.
/// </summary>
public static class RoutePrecedence
{
    /// <summary>
    /// Compares two templates: negative when <paramref name="x"/> is more specific (tried first), zero when they have the
    /// same precedence (they differ only in literal text or parameter names, so at most one of them matches a given path
    /// unless they have the same shape), positive otherwise.
    /// </summary>
    public static int Compare(RouteTemplate x, RouteTemplate y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        var common = Math.Min(x.Segments.Count, y.Segments.Count);
        for (var i = 0; i < common; i++)
        {
            var order = Digit(x.Segments[i]).CompareTo(Digit(y.Segments[i]));
            if (order != 0)
            {
                return order;
            }
        }

        var length = x.Segments.Count.CompareTo(y.Segments.Count);
        if (length != 0)
        {
            return length;
        }

        // Same digits everywhere: typed parameters sit at the same positions; the first differing constraint decides.
        for (var i = 0; i < common; i++)
        {
            var order = RouteConstraint.Compare(x.Segments[i].Constraint, y.Segments[i].Constraint);
            if (order != 0)
            {
                return order;
            }
        }

        return 0;
    }

    /// <summary>ASP.NET Core's digit per segment: literal 1, constrained parameter 2, parameter 3, catch-all 4.</summary>
    private static int Digit(RouteSegment segment) => segment.Kind switch
    {
        RouteSegmentKind.Literal => 1,
        RouteSegmentKind.CatchAll => 4,
        _ when segment.Constraint.IsNone => 3,
        _ => 2,
    };
}
