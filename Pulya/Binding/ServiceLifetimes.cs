using Microsoft.Extensions.DependencyInjection;

namespace Pulya.Binding;

/// <summary>The lifetime of each registered service type, captured when the application is built, so singletons can be bound once at start-up.</summary>
internal sealed class ServiceLifetimes
{
    // Two sets rather than a dictionary of lifetimes: a dictionary keyed by a type with an enum value is an instantiation
    // the framework's precompiled code does not contain, compiled by the JIT at every start-up.
    private readonly HashSet<Type> _registered = [];
    private readonly HashSet<Type> _singletons = [];

    public ServiceLifetimes(IServiceCollection services)
    {
        // The last registration of a type decides, as it does for the container.
        foreach (var descriptor in services)
        {
            if (descriptor.IsKeyedService)
            {
                continue;
            }

            _registered.Add(descriptor.ServiceType);
            if (descriptor.Lifetime == ServiceLifetime.Singleton)
            {
                _singletons.Add(descriptor.ServiceType);
            }
            else
            {
                _singletons.Remove(descriptor.ServiceType);
            }
        }
    }

    public bool IsSingleton(Type type) =>
        _registered.Contains(type) ? _singletons.Contains(type)
            : type.IsConstructedGenericType && _singletons.Contains(type.GetGenericTypeDefinition());
}
