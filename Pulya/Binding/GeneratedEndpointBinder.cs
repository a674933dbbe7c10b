using Microsoft.Extensions.DependencyInjection;

namespace Pulya.Binding;

/// <summary>
/// The <c>Generated</c> endpoint binder: uses the binding the source generator (package <c>Pulya.Generators</c>) emitted for
/// the call site that mapped the route, and falls back to the <c>Compiled</c> binder for routes without one (no generator,
/// or a call it could not analyse). Generated bindings cost no expression compilation at start-up and run under Native AOT.
/// </summary>
internal sealed class GeneratedEndpointBinder(IServiceProvider services) : IEndpointBinder
{
    /// <summary>The name this binder is registered under.</summary>
    public const string Name = "Generated";

    public EndpointBinding Bind(EndpointDefinition endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        return endpoint.Generated ?? services.GetRequiredKeyedService<IEndpointBinder>(CompiledEndpointBinder.Name).Bind(endpoint);
    }
}
