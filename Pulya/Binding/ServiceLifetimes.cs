using Microsoft.Extensions.DependencyInjection;

namespace Pulya.Binding;

/// <summary>The lifetime of each registered service type, captured when the application is built, so singletons can be bound once at start-up.</summary>
internal sealed class ServiceLifetimes(IServiceCollection services)
{
    private readonly Dictionary<Type, ServiceLifetime> _lifetimes = services.Where(d => !d.IsKeyedService)
        .GroupBy(d => d.ServiceType).ToDictionary(g => g.Key, g => g.Last().Lifetime);

    public bool IsSingleton(Type type) =>
        _lifetimes.TryGetValue(type, out var lifetime) || (type.IsConstructedGenericType && _lifetimes.TryGetValue(type.GetGenericTypeDefinition(), out lifetime))
            ? lifetime == ServiceLifetime.Singleton
            : false;
}
