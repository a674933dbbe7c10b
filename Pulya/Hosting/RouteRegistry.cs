using Microsoft.AspNetCore.Http;
using Pulya.Binding;
using Pulya.Routing;

namespace Pulya.Hosting;

/// <summary>The routes mapped on the application, turned into the frozen <see cref="RouteTable"/> at start-up.</summary>
internal sealed class RouteRegistry
{
    private readonly List<EndpointDefinition> _routes = [];

    private bool _frozen;

    public void Add(string method, string template, Delegate handler, EndpointBinding? generated = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(method);
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(handler);
        if (_frozen)
        {
            throw new InvalidOperationException("Routes must be mapped before the application starts: the route table is frozen at start-up.");
        }

        _routes.Add(new EndpointDefinition(method.ToUpperInvariant(), RouteTemplate.Parse(template), handler, generated));
    }

    /// <summary>
    /// Binds every handler with <paramref name="binder"/> and builds the table (each entry's endpoint is its
    /// <see cref="EndpointBinding"/>); a GET route also answers HEAD unless HEAD is mapped for a template of the same shape.
    /// </summary>
    public RouteTable Build(IEndpointBinder binder)
    {
        _frozen = true;
        var entries = new List<RouteEntry>(_routes.Count * 2);
        foreach (var route in _routes)
        {
            var binding = binder.Bind(route);
            entries.Add(new RouteEntry(route.Method, route.Template, binding));
            if (route.Method == HttpMethods.Get && !_routes.Any(r => r.Method == HttpMethods.Head && r.Template.HasSameShape(route.Template)))
            {
                entries.Add(new RouteEntry(HttpMethods.Head, route.Template, binding));
            }
        }

        return new RouteTable(entries);
    }
}
