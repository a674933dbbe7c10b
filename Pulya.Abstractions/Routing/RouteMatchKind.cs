namespace Pulya.Routing;

/// <summary>The outcome of matching a request against the route table.</summary>
public enum RouteMatchKind
{
    /// <summary>No route matches the path (404).</summary>
    NotFound,

    /// <summary>A route matches the path and the method.</summary>
    Found,

    /// <summary>Routes match the path, but none for this method (405 with <c>Allow</c>).</summary>
    MethodNotAllowed,
}
