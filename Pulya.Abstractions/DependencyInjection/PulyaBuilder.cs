using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Pulya.Pooling;
using Pulya.Routing;
using Pulya.Serialization;

namespace Pulya.DependencyInjection;

/// <summary>
/// Returned by <c>AddPulya()</c>; modules hang their registration methods on it (<c>.AddTrieRouter()</c>,
/// <c>.AddRouteCache()</c>...). Each implementation is registered under a name as a keyed service and chosen by
/// <see cref="PulyaOptions"/>; a module with options of its own claims a sub-section of the <c>Pulya</c> section with
/// <see cref="AddModuleOptions{TOptions}(string)"/>. The rules by which the core selects modules are in <c>docs/architecture.md</c>.
/// </summary>
public sealed class PulyaBuilder
{
    /// <summary>Creates the builder; <c>AddPulya()</c> does this for applications.</summary>
    /// <param name="services">The application's services.</param>
    /// <param name="configuration">The <c>Pulya</c> configuration section.</param>
    public PulyaBuilder(IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
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

    /// <summary>Registers a pool provider under <paramref name="name"/> (selected by <see cref="PulyaOptions.PoolProvider"/>).</summary>
    public PulyaBuilder AddPoolProvider<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TProvider>(string name)
        where TProvider : class, IRequestPoolProvider => AddNamed<IRequestPoolProvider, TProvider>(name);

    /// <summary>
    /// Registers a router decorator under <paramref name="name"/>; every registered decorator is applied, in registration
    /// order, and each decides from its own options whether it wraps the router. Registering the same type twice has no effect.
    /// </summary>
    public PulyaBuilder AddRouterDecorator<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TDecorator>(string name)
        where TDecorator : class, IRouterDecorator
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Services.TryAddEnumerable(ServiceDescriptor.Singleton<IRouterDecorator, TDecorator>());
        AddComponent(new PulyaComponent(typeof(IRouterDecorator), name));
        return this;
    }

    /// <summary>
    /// Binds <typeparamref name="TOptions"/> to the sub-section <paramref name="section"/> of the <c>Pulya</c> section
    /// (e.g. <c>RouteCache</c> for <c>Pulya:RouteCache</c>), validates it at start-up, and records that a module claims the
    /// section: <c>Pulya:&lt;section&gt;:Enabled=true</c> with no module claiming the section fails the start-up. A value the
    /// binder cannot convert fails the start-up with one line naming the key. Calling it again for the same section binds once.
    /// </summary>
    /// <returns>The options builder, on which the module adds its validation.</returns>
    public OptionsBuilder<TOptions> AddModuleOptions<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.All)] TOptions>(string section)
        where TOptions : class =>
        AddModuleOptions<TOptions>(section, OptionsBinding.Bind);

    /// <summary>
    /// As <see cref="AddModuleOptions{TOptions}(string)"/>, binding with <paramref name="bind"/>: a module whose project sets
    /// <c>EnableConfigurationBindingGenerator</c> passes <c>static (c, o) =&gt; c.Bind(o)</c>, which the generator turns into
    /// binding code written at build time (no reflection, no <c>TypeDescriptor</c>), with the same errors.
    /// </summary>
    /// <returns>The options builder, on which the module adds its validation.</returns>
    public OptionsBuilder<TOptions> AddModuleOptions<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.All)] TOptions>(string section, Action<IConfiguration, TOptions> bind)
        where TOptions : class
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(section);
        ArgumentNullException.ThrowIfNull(bind);
        var options = Services.AddOptions<TOptions>();
        if (AddComponent(new PulyaComponent(PulyaComponent.Section, section)))
        {
            var configuration = Configuration.GetSection(section);
            options.Configure(o => OptionsBinding.Bind(configuration, o, bind)).ValidateOnStart();
        }

        return options;
    }

    /// <summary>
    /// Registers <typeparamref name="TImplementation"/> as the keyed singleton <paramref name="name"/> of
    /// <typeparamref name="TContract"/>, once, and records it as a <see cref="PulyaComponent"/>: how every named contract is
    /// registered, the core's own (routers, serializers, pool providers, endpoint binders) included.
    /// </summary>
    /// <typeparam name="TContract">The contract the core selects by name.</typeparam>
    /// <typeparam name="TImplementation">The implementation.</typeparam>
    /// <param name="name">The name it is selected by (e.g. <c>Pulya:Router=&lt;name&gt;</c>).</param>
    /// <returns>This builder.</returns>
    public PulyaBuilder AddNamed<TContract, [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TImplementation>(string name)
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
