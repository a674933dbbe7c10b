using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;

namespace Pulya.Http;

/// <summary>
/// A request's ASP.NET Core <see cref="Microsoft.AspNetCore.Http.HttpContext"/>, with the features Pulya adds to the request's
/// own for it: the request itself, <c>RequestServices</c> (the request's scope), <c>Items</c> (the request's items), the
/// endpoint (none until the ASP.NET Core bridge sets the matched route's) and the route values (the request's match, built on
/// first use). One object holds them all, so a request that asks for an <c>HttpContext</c> allocates the context and this.
/// Reusable, the way ASP.NET Core's hosting reuses its context on a connection: <see cref="Attach"/> points it (and the
/// context, re-initialized) at a request's features; <see cref="Detach"/> ends the context (any later use of it throws) and
/// drops every reference to the request, so nothing of one request is seen by the next.
/// </summary>
internal sealed class RequestHttpContext : IServiceProvidersFeature, IItemsFeature, IEndpointFeature, IRouteValuesFeature
{
    private DefaultHttpContext? _context;
    private IServiceProvider? _replacedServices;
    private IDictionary<object, object?>? _replacedItems;
    private RouteValueDictionary? _routeValues;

    /// <summary>The request the context is attached to; null when detached.</summary>
    public PulyaRequest? Request { get; private set; }

    /// <summary>The context; valid while attached.</summary>
    public HttpContext Context => _context!;

    public Endpoint? Endpoint { get; set; }

    public IServiceProvider RequestServices
    {
        get => _replacedServices ?? Request!.Services;
        set => _replacedServices = value;
    }

    public IDictionary<object, object?> Items
    {
        get => _replacedItems ?? Request!.Items;
        set => _replacedItems = value;
    }

    public RouteValueDictionary RouteValues
    {
        get
        {
            if (_routeValues is null)
            {
                _routeValues = [];
                var request = Request!;
                foreach (var name in request.Route?.Template.ParameterNames ?? [])
                {
                    _routeValues[name] = request.GetRouteValue(name);
                }
            }

            return _routeValues;
        }

        set => _routeValues = value;
    }

    /// <summary>Attaches the context to <paramref name="request"/> over <paramref name="features"/> (the request's own), with no state of an earlier request.</summary>
    public HttpContext Attach(PulyaRequest request, IFeatureCollection features)
    {
        Clear();
        Request = request;
        // The indexer, not Set<T>: a generic interface method is resolved at run time on every call, per request here.
        features[typeof(PulyaRequest)] = request;
        features[typeof(IServiceProvidersFeature)] = this;
        features[typeof(IItemsFeature)] = this;
        features[typeof(IEndpointFeature)] = this;
        features[typeof(IRouteValuesFeature)] = this;
        if (_context is null)
        {
            _context = new DefaultHttpContext(features);
        }
        else
        {
            _context.Initialize(features);
        }

        return _context;
    }

    /// <summary>Ends the context, if attached, and drops every reference to its request; the objects stay for the next one.</summary>
    public void Detach()
    {
        if (Request is not null)
        {
            _context!.Uninitialize();
            Clear();
        }
    }

    private void Clear()
    {
        Request = null;
        Endpoint = null;
        _replacedServices = null;
        _replacedItems = null;
        _routeValues = null;
    }
}
