using Microsoft.AspNetCore.Http;
using Pulya.Binding;
using Pulya.CompilerServices;
using Pulya.Http;
using Pulya.Routing;
using Pulya.Validation;
using IEndpointFilter = Pulya.Http.IEndpointFilter;

namespace Pulya.Hosting;

/// <summary>The routes mapped on the application, turned into the frozen <see cref="RouteTable"/> at start-up.</summary>
internal sealed class RouteRegistry
{
    private readonly List<(EndpointDefinition Definition, RouteHandlerBuilder Route)> _routes = [];

    /// <summary>The number of routes the application mapped (the HEAD answers of GET routes not counted).</summary>
    public int Count => _routes.Count;

    private bool _frozen;

    // The first route mapped by generated code built for another generated-code contract version: the start-up refuses it.
    private (string Route, int Version)? _otherContract;

    /// <summary>The routes as mapped, in the order mapped (HEAD routes added for GET routes are not among them).</summary>
    public IReadOnlyList<EndpointDefinition> Definitions
    {
        get
        {
            // A loop, not LINQ over the tuples: generic code over a value type is compiled by the JIT at start-up.
            var definitions = new EndpointDefinition[_routes.Count];
            for (var i = 0; i < definitions.Length; i++)
            {
                definitions[i] = _routes[i].Definition;
            }

            return definitions;
        }
    }

    /// <summary>The application middleware, in the order added (first = outermost).</summary>
    public List<IPulyaMiddleware> Middleware { get; } = [];

    /// <summary>The routed middleware, in the order added (first = outermost).</summary>
    public List<IRoutedMiddleware> RoutedMiddleware { get; } = [];

    public void Add(string method, string template, Delegate handler, RouteHandlerBuilder route, EndpointBinding? generated = null, int contractVersion = GeneratedCodeContract.Version)
    {
        ArgumentException.ThrowIfNullOrEmpty(method);
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(handler);
        ThrowIfFrozen();
        if (contractVersion != GeneratedCodeContract.Version)
        {
            _otherContract ??= ($"The endpoint binding of {method.ToUpperInvariant()} {template}", contractVersion);
        }

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
    /// HEAD is mapped for a template of the same shape. <paramref name="routeMiddleware"/> receives, per route entry (HEAD
    /// included), the middleware of its groups and then its own (outermost first) when there is any.
    /// </summary>
    /// <exception cref="InvalidOperationException">A route was mapped by code generated for another generated-code contract version.</exception>
    public RouteTable Build(IEndpointBinder binder, Dictionary<RouteEntry, IPulyaMiddleware[]> routeMiddleware, EndpointValidation? validation = null)
    {
        _frozen = true;
        if (_otherContract is { } other)
        {
            throw GeneratedCodeContract.Mismatch(other.Version, other.Route);
        }

        var entries = new List<RouteEntry>(_routes.Count * 2);
        foreach (var (route, conventions) in _routes)
        {
            var binding = EndpointFilterPipeline.Compose(binder.Bind(route), Stages(route, conventions, validation));
            var middleware = RouteMiddleware(conventions);
            var metadata = Metadata(route.Handler, conventions);
            Add(new RouteEntry(route.Method, route.Template, binding, metadata));
            if (route.Method == HttpMethods.Get && !HasHeadRoute(route.Template))
            {
                Add(new RouteEntry(HttpMethods.Head, route.Template, binding, metadata));
            }

            void Add(RouteEntry entry)
            {
                entries.Add(entry);
                if (middleware.Length > 0)
                {
                    routeMiddleware[entry] = middleware;
                }
            }
        }

        return new RouteTable(entries);
    }

    /// <summary>Whether a HEAD route was mapped with the same shape as <paramref name="template"/>.</summary>
    private bool HasHeadRoute(RouteTemplate template)
    {
        foreach (var (definition, _) in _routes)
        {
            if (definition.Method == HttpMethods.Head && definition.Template.HasSameShape(template))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The metadata of a route, in the order of ASP.NET Core's endpoint metadata: the handler's method and its attributes,
    /// then its groups' (outermost first), its own last.
    /// </summary>
    private static List<object> Metadata(Delegate handler, RouteHandlerBuilder route)
    {
        var metadata = new List<object> { handler.Method };
        metadata.AddRange(handler.Method.GetCustomAttributes(inherit: true));
        var groups = new List<object>();
        for (var group = route.ParentGroup; group is not null; group = group.Parent)
        {
            groups.InsertRange(0, group.Metadata);
        }

        metadata.AddRange(groups);
        metadata.AddRange(route.Metadata);
        return metadata;
    }

    /// <summary>The steps after binding: the validation stage when the route has anything to validate, then its filters.</summary>
    private static List<IEndpointFilter> Stages(EndpointDefinition route, RouteHandlerBuilder conventions, EndpointValidation? validation)
    {
        var filters = Filters(conventions);
        if (validation?.For(route) is { } stage)
        {
            filters.Insert(0, stage);
        }

        return filters;
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

    /// <summary>The middleware of a route: its outermost group's first, its own last.</summary>
    private static IPulyaMiddleware[] RouteMiddleware(RouteHandlerBuilder route)
    {
        var middleware = new List<IPulyaMiddleware>(route.Middleware);
        for (var group = route.ParentGroup; group is not null; group = group.Parent)
        {
            middleware.InsertRange(0, group.Middleware);
        }

        return [.. middleware];
    }
}
