using System.Runtime.CompilerServices;
using Microsoft.Extensions.ObjectPool;

namespace Pulya.Pooling;

/// <summary>
/// One pool of the <c>ObjectPool</c> provider. Idle objects sit in a <see cref="DefaultObjectPool{T}"/> (lock-free: one
/// fast slot and a concurrent queue), wrapped in a <see cref="Lease"/> that records whether the object is rented, so a
/// second return of the same object is caught. The bound is enforced by <see cref="PoolCounters.TryRetain"/> before an
/// object is published, so the idle count never exceeds <see cref="PoolCounters.MaximumRetained"/>.
/// </summary>
internal sealed class BoundedRequestPool<T> : IRequestPool<T>
    where T : class, IPoolable
{
    private readonly DefaultObjectPool<Lease> _idle;
    private readonly ConditionalWeakTable<T, Lease> _leases = [];

    public BoundedRequestPool(Func<T> create, int maximumRetained)
    {
        Counters = new PoolCounters(typeof(T), maximumRetained);
        _idle = new DefaultObjectPool<Lease>(new LeasePolicy(this, create), maximumRetained);
    }

    public PoolCounters Counters { get; }

    public T Rent()
    {
        var lease = _idle.Get();
        if (lease.State == LeaseState.Idle)
        {
            Counters.Reused();
        }

        lease.State = LeaseState.Rented;
        Counters.Rented();
        return lease.Item;
    }

    public void Return(T item)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (!_leases.TryGetValue(item, out var lease)
            || Interlocked.CompareExchange(ref lease.State, LeaseState.Returning, LeaseState.Rented) != LeaseState.Rented)
        {
            Counters.Rejected();
#if DEBUG
            throw new InvalidOperationException(lease is null
                ? $"This {typeof(T).Name} was not rented from this pool."
                : $"This {typeof(T).Name} was returned to the pool twice (or used after its return).");
#else
            return;
#endif
        }

        try
        {
            item.Reset();
        }
        catch
        {
            lease.State = LeaseState.Dropped;
            Counters.Dropped();
            throw;
        }

        if (!Counters.TryRetain())
        {
            lease.State = LeaseState.Dropped;
            Counters.Dropped();
            return;
        }

        lease.State = LeaseState.Idle;
        _idle.Return(lease);
    }

    private static class LeaseState
    {
        public const int New = 0;
        public const int Rented = 1;
        public const int Returning = 2;
        public const int Idle = 3;
        public const int Dropped = 4;
    }

    /// <summary>A pooled object with its state; only the pool touches it.</summary>
    private sealed class Lease(T item)
    {
        public readonly T Item = item;
        public int State;
    }

    private sealed class LeasePolicy(BoundedRequestPool<T> pool, Func<T> create) : PooledObjectPolicy<Lease>
    {
        public override Lease Create()
        {
            var item = create();
            var lease = new Lease(item);
            pool._leases.Add(item, lease);
            pool.Counters.Missed();
            return lease;
        }

        // Resetting and the bound are handled before an object reaches the inner pool.
        public override bool Return(Lease obj) => true;
    }
}
