using System.Diagnostics.Metrics;
using Microsoft.Extensions.Options;
using Pulya.Diagnostics;
using Pulya.Pooling.Diagnostics;

namespace Pulya.Pooling;

/// <summary>
/// The <c>ObjectPool</c> pool provider: each pool keeps up to <see cref="PoolingOptions.MaximumRetained"/> idle objects on
/// Microsoft.Extensions.ObjectPool (lock-free), resets every object when it comes back, drops objects beyond the bound,
/// and refuses an object returned twice (an <see cref="InvalidOperationException"/> in Debug builds, ignored and counted
/// in Release builds). Selected by <c>Pulya:Pooling:Enabled=true</c> after <c>AddPooling()</c>.
/// </summary>
/// <remarks>
/// Cost per request: one lookup of the object's lease in a <see cref="System.Runtime.CompilerServices.ConditionalWeakTable{TKey, TValue}"/>
/// on return and a few interlocked operations; a miss (pool empty) also registers the new object's lease, which takes a short lock.
/// </remarks>
public sealed class ObjectPoolRequestPoolProvider : IRequestPoolProvider
{
    /// <summary>The name the provider is registered and selected under (<c>ObjectPool</c>).</summary>
    public const string Name = "ObjectPool";

    private readonly int _maximumRetained;
    private readonly Lock _gate = new();
    private PoolCounters[] _pools = [];

    /// <summary>Creates the provider with the bound of <c>Pulya:Pooling:MaximumRetained</c>.</summary>
    /// <param name="options">The pooling options.</param>
    /// <param name="meterFactory">Creates the <c>Pulya</c> meter the pool counters are published on; without one they are not published.</param>
    public ObjectPoolRequestPoolProvider(IOptions<PoolingOptions> options, IMeterFactory? meterFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _maximumRetained = options.Value.MaximumRetained;
        if (meterFactory is not null)
        {
            PoolingMeter.Register(meterFactory.Create(PulyaMeter.Name), this);
        }
    }

    /// <summary>The most idle objects each pool keeps.</summary>
    public int MaximumRetained => _maximumRetained;

    /// <summary>The counters of every pool created so far, in creation order.</summary>
    public IReadOnlyList<PoolCounters> Pools => Volatile.Read(ref _pools);

    /// <summary>Objects rented from all pools and not yet returned: zero when no request is in flight and every request gave its objects back.</summary>
    public long Outstanding => Pools.Sum(p => p.Outstanding);

    /// <inheritdoc />
    public IRequestPool<T> Create<T>(Func<T> create)
        where T : class, IPoolable
    {
        ArgumentNullException.ThrowIfNull(create);
        var pool = new BoundedRequestPool<T>(create, _maximumRetained);
        lock (_gate)
        {
            _pools = [.. _pools, pool.Counters];
        }

        return pool;
    }
}
