using System.Globalization;

namespace Pulya.Routing;

/// <summary>
/// Checks a path segment against a <see cref="RouteConstraint"/> on the span, without allocating.
/// Every router uses this one implementation so that they all agree on what matches.
/// </summary>
public static class RouteConstraints
{
    /// <summary>Returns whether <paramref name="segment"/> satisfies <paramref name="constraint"/>.</summary>
    /// <param name="constraint">The constraint of the template parameter.</param>
    /// <param name="segment">The path segment, as the server delivered it.</param>
    public static bool IsMatch(RouteConstraint constraint, ReadOnlySpan<char> segment) => constraint switch
    {
        RouteConstraint.None => true,
        RouteConstraint.Int => int.TryParse(segment, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _),
        RouteConstraint.Long => long.TryParse(segment, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _),
        RouteConstraint.Guid => System.Guid.TryParse(segment, out _),
        RouteConstraint.Bool => bool.TryParse(segment, out _),
        _ => throw new ArgumentOutOfRangeException(nameof(constraint), constraint, "Unknown route constraint."),
    };
}
