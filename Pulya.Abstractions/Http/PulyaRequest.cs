using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Primitives;
using Pulya.Routing;

namespace Pulya.Http;

/// <summary>
/// The request a handler sees: method, path, query, headers, route values, services, items and cancellation.
/// Handlers receive it by declaring a parameter of this type. It is only valid during its request: the
/// framework may reuse the instance for a later request.
/// </summary>
public abstract class PulyaRequest
{
    /// <summary>The HTTP method, upper case.</summary>
    public abstract string Method { get; }

    /// <summary>The decoded path (an encoded slash <c>%2F</c> stays encoded).</summary>
    public abstract string Path { get; }

    /// <summary>The raw query string including the leading <c>?</c>, or empty.</summary>
    public abstract string QueryString { get; }

    /// <summary>The request headers.</summary>
    public abstract Headers Headers { get; }

    /// <summary>The matched route, or null before routing or when nothing matched.</summary>
    public abstract RouteEntry? Route { get; }

    /// <summary>The request-scoped service provider (a scope is created on first use).</summary>
    public abstract IServiceProvider Services { get; }

    /// <summary>Per-request storage for application code; created on first use.</summary>
    public abstract IDictionary<object, object?> Items { get; }

    /// <summary>Signalled when the client goes away or the request is aborted.</summary>
    public abstract CancellationToken RequestAborted { get; }

    /// <summary>The server's features for this request, for what Pulya does not wrap.</summary>
    public abstract IFeatureCollection Features { get; }

    /// <summary>The value of the route parameter <paramref name="name"/>, or null when the route has no such parameter.</summary>
    public abstract string? GetRouteValue(string name);

    /// <summary>The values of the query key <paramref name="name"/> (empty when absent), percent-decoded.</summary>
    public abstract StringValues GetQuery(string name);
}
