using Microsoft.AspNetCore.Http;
using Pulya.Binding;
using Pulya.Routing;

namespace Pulya.Hosting;

/// <summary>The routes mapped on the application, turned into the frozen <see cref="RouteTable"/> at start-up.</summary>
internal sealed class RouteRegistry
{
    private readonly List<(string Method, RouteTemplate Template, Delegate Handler)> _routes = [];

    private bool _frozen;

    public void Add(string method, string template, Delegate handler)
    {
        ArgumentException.ThrowIfNullOrEmpty(method);
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(handler);
        if (_frozen)
        {
            throw new InvalidOperationException("Routes must be mapped before the application starts: the route table is frozen at start-up.");
        }

        _routes.Add((method.ToUpperInvariant(), RouteTemplate.Parse(template), handler));
    }

    /// <summary>Compiles every handler and builds the table; a GET route also answers HEAD unless HEAD is mapped for a template of the same shape.</summary>
    public RouteTable Build(EndpointCompiler compiler)
    {
        _frozen = true;
        var entries = new List<RouteEntry>(_routes.Count * 2);
        foreach (var (method, template, handler) in _routes)
        {
            var endpoint = compiler.Compile(template, handler);
            entries.Add(new RouteEntry(method, template, endpoint));
            if (method == HttpMethods.Get && !_routes.Any(r => r.Method == HttpMethods.Head && r.Template.HasSameShape(template)))
            {
                entries.Add(new RouteEntry(HttpMethods.Head, template, endpoint));
            }
        }

        return new RouteTable(entries);
    }
}
