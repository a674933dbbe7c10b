using System.ComponentModel;
using Pulya.Binding;
using Pulya.Hosting;

namespace Pulya.CompilerServices;

/// <summary>
/// How source-generated code maps its endpoints: with the binding it emitted for the call site and the generated-code
/// contract version it was built against. Called by generated code, not by applications.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class GeneratedEndpoints
{
    /// <summary>
    /// Maps <paramref name="handler"/> with the binding the source generator emitted for the call site; the <c>Generated</c>
    /// binder uses it, the others bind <paramref name="handler"/> themselves. The start-up fails when
    /// <paramref name="contractVersion"/> is not <see cref="GeneratedCodeContract.Version"/>.
    /// </summary>
    /// <param name="mapper">The application or group the call mapped on.</param>
    /// <param name="method">The HTTP method.</param>
    /// <param name="template">The route template.</param>
    /// <param name="handler">The route handler.</param>
    /// <param name="binding">The generated binding.</param>
    /// <param name="contractVersion">The <see cref="GeneratedCodeContract.Version"/> the generator was built against.</param>
    /// <returns>The route, on which endpoint filters can be added.</returns>
    /// <exception cref="Routing.RouteTemplateException">The template is malformed.</exception>
    public static RouteHandlerBuilder Map(RouteMapper mapper, string method, string template, Delegate handler, EndpointBinding binding, int contractVersion)
    {
        ArgumentNullException.ThrowIfNull(mapper);
        ArgumentNullException.ThrowIfNull(binding);
        return mapper.MapCore(method, template, handler, binding, contractVersion);
    }

    /// <summary>The prefix of the group routes mapped on <paramref name="mapper"/> join, or null on the application; generated bindings fall back to the runtime binder under a prefix with parameters.</summary>
    /// <param name="mapper">The application or group.</param>
    public static string? GroupPrefix(RouteMapper mapper)
    {
        ArgumentNullException.ThrowIfNull(mapper);
        return mapper.GroupPrefix;
    }
}
