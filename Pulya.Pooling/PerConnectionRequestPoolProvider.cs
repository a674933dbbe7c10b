using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Hosting.Server.Abstractions;

namespace Pulya.Pooling;

/// <summary>
/// The <c>PerConnection</c> pool provider: one object per connection (per stream on HTTP/2 and HTTP/3), kept by Kestrel in
/// the connection's <see cref="IHostContextContainer{TContext}"/>, the way ASP.NET Core's own hosting keeps its context:
/// no shared pool, no lock, no interlocked operation. Every returned object is reset. When the server does not offer a
/// container (e.g. an in-memory test server) or the object was rented without features, every rent creates a new object,
/// as with <c>None</c>. Selected by <c>Pulya:PoolProvider=PerConnection</c> after <c>AddPooling()</c>.
/// </summary>
/// <remarks>
/// The object leaves the container while its request runs and goes back when it is returned, so an object returned late
/// (after an asynchronous scope disposal, when the connection may already serve its next request) is never shared: the
/// next request then gets a new object.
/// </remarks>
public sealed class PerConnectionRequestPoolProvider : IRequestPoolProvider
{
    /// <summary>The name the provider is registered and selected under (<c>PerConnection</c>).</summary>
    public const string Name = "PerConnection";

    /// <inheritdoc />
    public IRequestPool<T> Create<T>(Func<T> create)
        where T : class, IPoolable
    {
        ArgumentNullException.ThrowIfNull(create);
        return new PerConnectionPool<T>(create);
    }

    private sealed class PerConnectionPool<T>(Func<T> create) : IRequestPool<T>
        where T : class, IPoolable
    {
        /// <summary>
        /// The last type of feature collection seen to be a container (Kestrel's HTTP/1.1 connection): a cast to an
        /// interface searches the type's interfaces, some thirty on Kestrel's connection, twice per request; one type
        /// comparison answers for the type seen before.
        /// </summary>
        private Type? _containerType;

        public T Rent() => create();

        public T Rent(IFeatureCollection features)
        {
            if (Container(features) is not { } container)
            {
                return create();
            }

            var item = container.HostContext;
            if (item is null)
            {
                return create();
            }

            container.HostContext = null;
            return item;
        }

        public void Return(T item)
        {
            ArgumentNullException.ThrowIfNull(item);
            item.Reset();
        }

        public void Return(T item, IFeatureCollection features)
        {
            Return(item);
            if (Container(features) is { } container)
            {
                container.HostContext = item;
            }
        }

        private IHostContextContainer<T>? Container(IFeatureCollection features)
        {
            var type = features.GetType();
            if (type == _containerType)
            {
                return Unsafe.As<IHostContextContainer<T>>(features);
            }

            if (features is IHostContextContainer<T> container)
            {
                _containerType = type;
                return container;
            }

            return null;
        }
    }
}
