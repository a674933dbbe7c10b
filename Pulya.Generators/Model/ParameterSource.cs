namespace Pulya.Generators.Model;

/// <summary>Where a handler parameter's value comes from, decided at build time with the same rules as the runtime binder.</summary>
internal enum ParameterSource
{
    Request,
    CancellationToken,
    Body,
    Query,
    QueryAll,
    QueryValues,
    Header,
    HeaderAll,
    HeaderValues,
    Service,
    Route,
    RouteString,

    /// <summary>An unattributed parameter of a complex type: a service when registered (known when the route is mapped), else the body.</summary>
    ServiceOrBody,
}
