namespace Pulya.Pooling;

/// <summary>
/// Live counters of one pool (also published on the <c>Pulya</c> meter).
/// Every object a pool created is either rented (<see cref="Outstanding"/>), idle in the pool (<see cref="Retained"/>)
/// or dropped (<see cref="Drops"/>).
/// </summary>
public sealed class PoolCounters
{
    private long _rentals;
    private long _misses;
    private long _retained;
    private long _drops;
    private long _rejectedReturns;

    internal PoolCounters(Type objectType, int maximumRetained)
    {
        ObjectType = objectType;
        MaximumRetained = maximumRetained;
    }

    /// <summary>The type of the pooled objects.</summary>
    public Type ObjectType { get; }

    /// <summary>The most idle objects the pool keeps.</summary>
    public int MaximumRetained { get; }

    /// <summary>Objects handed out, in total.</summary>
    public long Rentals => Volatile.Read(ref _rentals);

    /// <summary>Rentals that found the pool empty and created a new object.</summary>
    public long Misses => Volatile.Read(ref _misses);

    /// <summary>Objects given back and accepted (retained or dropped), in total.</summary>
    public long Returns => Rentals - Outstanding;

    /// <summary>Idle objects in the pool now; never more than <see cref="MaximumRetained"/>.</summary>
    public long Retained => Volatile.Read(ref _retained);

    /// <summary>Objects reset on return but not kept, because the pool was full (or their reset failed).</summary>
    public long Drops => Volatile.Read(ref _drops);

    /// <summary>Returns refused: an object given back twice, or one this pool did not hand out (Release builds; Debug builds throw).</summary>
    public long RejectedReturns => Volatile.Read(ref _rejectedReturns);

    /// <summary>Objects rented and not yet returned.</summary>
    public long Outstanding => Misses - Retained - Drops;

    internal void Rented() => Interlocked.Increment(ref _rentals);

    internal void Missed() => Interlocked.Increment(ref _misses);

    internal bool TryRetain()
    {
        if (Interlocked.Increment(ref _retained) <= MaximumRetained)
        {
            return true;
        }

        Interlocked.Decrement(ref _retained);
        return false;
    }

    internal void Reused() => Interlocked.Decrement(ref _retained);

    internal void Dropped() => Interlocked.Increment(ref _drops);

    internal void Rejected() => Interlocked.Increment(ref _rejectedReturns);
}
