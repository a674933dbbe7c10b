using System.ComponentModel;
using Microsoft.Extensions.DependencyInjection;
using Pulya.Binding;
using Pulya.Http;

namespace Pulya.CompilerServices;

/// <summary>
/// A handler parameter bound from dependency injection, prepared when the route is mapped: a singleton is resolved once
/// (on first use, so not before the start-up hooks ran) and reused; other lifetimes come from the request's scope.
/// Source-generated bindings use it; not meant for application code.
/// </summary>
/// <typeparam name="T">The parameter's type.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class ServiceParameter<T>
    where T : notnull
{
    private readonly IServiceProvider _root;
    private readonly bool _required;
    private readonly bool _singleton;
    private T? _instance;
    private bool _resolved;

    private ServiceParameter(IServiceProvider root, bool required)
    {
        _root = root;
        _required = required;
        _singleton = root.GetRequiredService<ServiceLifetimes>().IsSingleton(typeof(T));
    }

    /// <summary>A parameter bound from DI whether or not <typeparamref name="T"/> is registered (<c>[Service]</c>).</summary>
    /// <param name="services">The application's root services.</param>
    /// <param name="required">Whether a missing service fails the request (500) rather than binding null.</param>
    public static ServiceParameter<T> Create(IServiceProvider services, bool required)
    {
        ArgumentNullException.ThrowIfNull(services);
        return new ServiceParameter<T>(services, required);
    }

    /// <summary>A parameter bound from DI when <typeparamref name="T"/> is registered; null when it is not (the parameter binds from elsewhere).</summary>
    /// <param name="services">The application's root services.</param>
    /// <param name="required">Whether a missing service fails the request (500) rather than binding null.</param>
    public static ServiceParameter<T>? Find(IServiceProvider services, bool required)
    {
        ArgumentNullException.ThrowIfNull(services);
        return services.GetRequiredService<IServiceProviderIsService>().IsService(typeof(T)) ? new ServiceParameter<T>(services, required) : null;
    }

    /// <summary>The service for <paramref name="request"/>.</summary>
    public T Get(PulyaRequest request)
    {
        if (!_singleton)
        {
            return _required ? ParameterBinders.Service<T>(request) : ParameterBinders.OptionalService<T>(request)!;
        }

        if (!_resolved)
        {
            // Resolving twice concurrently is harmless: the container hands out the same singleton.
            _instance = _required ? _root.GetRequiredService<T>() : _root.GetService<T>();
            _resolved = true;
        }

        return _instance!;
    }
}
