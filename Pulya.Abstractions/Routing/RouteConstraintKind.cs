namespace Pulya.Routing;

/// <summary>
/// One inline constraint of a route parameter, as ASP.NET Core names it. The order of the members is the order in which
/// <see cref="RouteConstraint.Compare"/> breaks ties between parameters that ASP.NET Core would call ambiguous.
/// </summary>
internal enum RouteConstraintKind
{
    Int,
    Long,
    Guid,
    Bool,
    Decimal,
    Double,
    Float,
    DateTime,
    Alpha,
    Min,
    Max,
    Range,
    Length,
    MinLength,
    MaxLength,
    Regex,
}
