using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Pulya.Pooling;
using Pulya.Routing;
using Pulya.Serialization;

namespace Pulya.DependencyInjection;

/// <summary>
/// Returned by <c>AddPulya()</c>; modules hang their registration methods on it (<c>.AddTrieRouter()</c>,
/// <c>.AddRouteCache()</c>...). Each implementation is registered under a name as a keyed service and chosen by
/// <see cref="PulyaOptions"/>.
/// </summary>
public sealed class PulyaBuilder
{
    internal PulyaBuilder(IServiceCollection services, IConfiguration configuration)
    {
        Services = services;
        Configuration = configuration;
    }

    /// <summary>The application's services.</summary>
    public IServiceCollection Services { get; }

    /// <summary>The <c>Pulya</c> configuration section (empty when none was given); modules read their sub-sections from it.</summary>
    public IConfiguration Configuration { get; }

    /// <summary>Registers a router factory under <paramref name="name"/> (selected by <see cref="PulyaOptions.Router"/>).</summary>
    public PulyaBuilder AddRouter<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TFactory>(string name)
        where TFactory : class, IRouterFactory => AddNamed<IRouterFactory, TFactory>(name);

    /// <summary>Registers a serializer under <paramref name="name"/> (selected by <see cref="PulyaOptions.Serializer"/>, negotiated otherwise).</summary>
    public PulyaBuilder AddSerializer<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TSerializer>(string name)
        where TSerializer : class, IPulyaSerializer => AddNamed<IPulyaSerializer, TSerializer>(name);

    /// <summary>Registers a pool provider under <paramref name="name"/>.</summary>
    public PulyaBuilder AddPoolProvider<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TProvider>(string name)
        where TProvider : class, IRequestPoolProvider => AddNamed<IRequestPoolProvider, TProvider>(name);

    /// <summary>
    /// Registers a router decorator under <paramref name="name"/> (the name options refer to, e.g. <c>RouteCache</c>);
    /// decorators are applied in registration order. Registering the same type twice has no effect.
    /// </summary>
    public PulyaBuilder AddRouterDecorator<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TDecorator>(string name)
        where TDecorator : class, IRouterDecorator
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Services.TryAddEnumerable(ServiceDescriptor.Singleton<IRouterDecorator, TDecorator>());
        AddComponent(new PulyaComponent(typeof(IRouterDecorator), name));
        return this;
    }

    /// <summary>Registers <typeparamref name="TImplementation"/> as the keyed singleton <paramref name="name"/> of <typeparamref name="TContract"/>, once.</summary>
    internal PulyaBuilder AddNamed<TContract, [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TImplementation>(string name)
        where TContract : class
        where TImplementation : class, TContract
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (AddComponent(new PulyaComponent(typeof(TContract), name)))
        {
            Services.AddKeyedSingleton<TContract, TImplementation>(name);
        }

        return this;
    }

    private bool AddComponent(PulyaComponent component)
    {
        if (Services.Any(d => d.ServiceType == typeof(PulyaComponent) && component.Equals(d.ImplementationInstance)))
        {
            return false;
        }

        Services.AddSingleton(component);
        return true;
    }
}
