using Pulya.Routing;

namespace Pulya.Binding;

/// <summary>A route as the application mapped it: method, template, handler, and the binding generated at build time if any.</summary>
public sealed class EndpointDefinition
{
    /// <summary>Creates a definition.</summary>
    /// <param name="method">The HTTP method, upper case.</param>
    /// <param name="template">The parsed route template.</param>
    /// <param name="handler">The route handler.</param>
    /// <param name="generated">The binding the source generator emitted for the call site, or null.</param>
    public EndpointDefinition(string method, RouteTemplate template, Delegate handler, EndpointBinding? generated = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(method);
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(handler);
        Method = method;
        Template = template;
        Handler = handler;
        Generated = generated;
    }

    /// <summary>The HTTP method, upper case.</summary>
    public string Method { get; }

    /// <summary>The parsed route template.</summary>
    public RouteTemplate Template { get; }

    /// <summary>The route handler.</summary>
    public Delegate Handler { get; }

    /// <summary>The binding the source generator emitted for the call site that mapped this route, or null (no generator, or a call it could not analyse).</summary>
    public EndpointBinding? Generated { get; }
}
