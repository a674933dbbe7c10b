namespace Pulya.Routing;

/// <summary>The type a route parameter's segment must parse as for the route to match.</summary>
public enum RouteConstraint
{
    /// <summary>No constraint: any non-empty segment matches.</summary>
    None,

    /// <summary><c>{name:int}</c>: a 32-bit signed integer in invariant culture.</summary>
    Int,

    /// <summary><c>{name:long}</c>: a 64-bit signed integer in invariant culture.</summary>
    Long,

    /// <summary><c>{name:guid}</c>: a GUID in any format <see cref="Guid.TryParse(ReadOnlySpan{char}, out Guid)"/> accepts.</summary>
    Guid,

    /// <summary><c>{name:bool}</c>: <c>true</c> or <c>false</c>, case-insensitive.</summary>
    Bool,
}
