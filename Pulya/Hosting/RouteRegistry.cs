using Microsoft.AspNetCore.Http;
using Pulya.Binding;
using Pulya.Http;
using IEndpointFilter = Pulya.Http.IEndpointFilter;
using Pulya.Routing;

namespace Pulya.Hosting;

/// <summary>The routes mapped on the application, turned into the frozen <see cref="RouteTable"/> at start-up.</summary>
internal sealed class RouteRegistry
{
    private readonly List<(string Method, RouteTemplate Template, Delegate Handler, RouteHandlerBuilder Route)> _routes = [];

    private bool _frozen;

    /// <summary>The application middleware, in the order added (first = outermost).</summary>
    public List<IPulyaMiddleware> Middleware { get; } = [];

    public void Add(string method, string template, Delegate handler, RouteHandlerBuilder route)
    {
        ArgumentException.ThrowIfNullOrEmpty(method);
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(handler);
        ThrowIfFrozen();
        _routes.Add((method.ToUpperInvariant(), RouteTemplate.Parse(template), handler, route));
    }

    public void ThrowIfFrozen()
    {
        if (_frozen)
        {
            throw new InvalidOperationException("Routes, filters and middleware must be added before the application starts: they are composed at start-up.");
        }
    }

    /// <summary>
    /// Compiles every handler and builds the table; a GET route also answers HEAD unless HEAD is mapped for a template of
    /// the same shape. Endpoint filters are composed into the endpoint; <paramref name="groupMiddleware"/> receives, per
    /// endpoint, the middleware of its groups (outermost first) when there is any.
    /// </summary>
    public RouteTable Build(EndpointCompiler compiler, Dictionary<object, IPulyaMiddleware[]> groupMiddleware)
    {
        _frozen = true;
        var entries = new List<RouteEntry>(_routes.Count * 2);
        foreach (var (method, template, handler, route) in _routes)
        {
            var endpoint = compiler.Compile(template, handler);
            if (GroupMiddleware(route.ParentGroup) is { Length: > 0 } middleware)
            {
                groupMiddleware[endpoint] = middleware;
            }

            entries.Add(new RouteEntry(method, template, endpoint));
            if (method == HttpMethods.Get && !_routes.Any(r => r.Method == HttpMethods.Head && r.Template.HasSameShape(template)))
            {
                entries.Add(new RouteEntry(HttpMethods.Head, template, endpoint));
            }
        }

        return new RouteTable(entries);
    }

    /// <summary>The filters of a route: its outermost group's first, its own last.</summary>
    private static List<IEndpointFilter> Filters(RouteHandlerBuilder route)
    {
        var filters = new List<IEndpointFilter>(route.Filters);
        for (var group = route.ParentGroup; group is not null; group = group.Parent)
        {
            filters.InsertRange(0, group.Filters);
        }

        return filters;
    }

    private static IPulyaMiddleware[] GroupMiddleware(RouteGroup? group)
    {
        var middleware = new List<IPulyaMiddleware>();
        for (; group is not null; group = group.Parent)
        {
            middleware.InsertRange(0, group.Middleware);
        }

        return [.. middleware];
    }
}
