namespace Pulya.Generators.Model;

/// <summary>Where a handler parameter's value comes from, decided at build time with the same rules as the runtime binder.</summary>
internal enum ParameterSource
{
    Request,
    CancellationToken,

    /// <summary>The caller's identity, <c>PulyaRequest.User</c>.</summary>
    User,

    /// <summary>ASP.NET Core's <c>HttpContext</c> over the request, <c>PulyaRequest.HttpContext</c>.</summary>
    HttpContext,
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
