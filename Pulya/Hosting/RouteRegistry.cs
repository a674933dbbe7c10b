using Microsoft.AspNetCore.Http;
using Pulya.Binding;
using Pulya.Http;
using Pulya.Routing;
using IEndpointFilter = Pulya.Http.IEndpointFilter;

namespace Pulya.Hosting;

/// <summary>The routes mapped on the application, turned into the frozen <see cref="RouteTable"/> at start-up.</summary>
internal sealed class RouteRegistry
{
    private readonly List<(EndpointDefinition Definition, RouteHandlerBuilder Route)> _routes = [];

    /// <summary>The number of routes the application mapped (the HEAD answers of GET routes not counted).</summary>
    public int Count => _routes.Count;

    private bool _frozen;

    /// <summary>The application middleware, in the order added (first = outermost).</summary>
    public List<IPulyaMiddleware> Middleware { get; } = [];

    public void Add(string method, string template, Delegate handler, RouteHandlerBuilder route, EndpointBinding? generated = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(method);
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(handler);
        ThrowIfFrozen();
        _routes.Add((new EndpointDefinition(method.ToUpperInvariant(), RouteTemplate.Parse(template), handler, generated), route));
    }

    public void ThrowIfFrozen()
    {
        if (_frozen)
        {
            throw new InvalidOperationException("Routes, filters and middleware must be added before the application starts: they are composed at start-up.");
        }
    }

    /// <summary>
    /// Binds every handler with <paramref name="binder"/> and builds the table (each entry's endpoint is its
    /// <see cref="EndpointBinding"/>, with the route's endpoint filters composed in); a GET route also answers HEAD unless
    /// HEAD is mapped for a template of the same shape. <paramref name="groupMiddleware"/> receives, per route entry (HEAD
    /// included), the middleware of its groups (outermost first) when there is any.
    /// </summary>
    public RouteTable Build(IEndpointBinder binder, Dictionary<RouteEntry, IPulyaMiddleware[]> groupMiddleware)
    {
        _frozen = true;
        var entries = new List<RouteEntry>(_routes.Count * 2);
        foreach (var (route, conventions) in _routes)
        {
            var binding = EndpointFilterPipeline.Compose(binder.Bind(route), Filters(conventions));
            var middleware = GroupMiddleware(conventions.ParentGroup);
            Add(new RouteEntry(route.Method, route.Template, binding));
            if (route.Method == HttpMethods.Get && !_routes.Any(r => r.Definition.Method == HttpMethods.Head && r.Definition.Template.HasSameShape(route.Template)))
            {
                Add(new RouteEntry(HttpMethods.Head, route.Template, binding));
            }

            void Add(RouteEntry entry)
            {
                entries.Add(entry);
                if (middleware.Length > 0)
                {
                    groupMiddleware[entry] = middleware;
                }
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
