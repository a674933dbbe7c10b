using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Pulya.Pooling;

namespace Pulya.Reliability.Tests.Hosting;

/// <summary>Wraps a registered pool provider so every rent and return is counted by <see cref="PoolCounter"/>.</summary>
internal sealed class CountingPoolProvider(IRequestPoolProvider inner, PoolCounter counter) : IRequestPoolProvider
{
    public IRequestPool<T> Create<T>(Func<T> create)
        where T : class, IPoolable => new CountingPool<T>(inner.Create(create), counter);

    /// <summary>Replaces every keyed pool provider registration with a counting wrapper around it.</summary>
    public static void Install(IServiceCollection services, PoolCounter counter)
    {
        var registrations = services.Where(d => d.IsKeyedService && d.ServiceType == typeof(IRequestPoolProvider)).ToList();
        foreach (var descriptor in registrations)
        {
            services.Remove(descriptor);
            services.AddKeyedSingleton<IRequestPoolProvider>(descriptor.ServiceKey, (provider, key) =>
            {
                var inner = descriptor.KeyedImplementationInstance as IRequestPoolProvider
                    ?? (descriptor.KeyedImplementationFactory is { } factory
                        ? (IRequestPoolProvider)factory(provider, key)
                        : (IRequestPoolProvider)ActivatorUtilities.CreateInstance(provider, descriptor.KeyedImplementationType!));
                return new CountingPoolProvider(inner, counter);
            });
        }
    }

    private sealed class CountingPool<T>(IRequestPool<T> inner, PoolCounter counter) : IRequestPool<T>
        where T : class, IPoolable
    {
        public T Rent()
        {
            var item = inner.Rent();
            counter.OnRent();
            return item;
        }

        public void Return(T item)
        {
            counter.OnReturn();
            inner.Return(item);
        }

        // The request's features reach the inner pool, so a provider that keeps a context per connection (PerConnection,
        // the optimized profile's) works under the suites as it does in production.
        public T Rent(IFeatureCollection features)
        {
            var item = inner.Rent(features);
            counter.OnRent();
            return item;
        }

        public void Return(T item, IFeatureCollection features)
        {
            counter.OnReturn();
            inner.Return(item, features);
        }
    }
}
