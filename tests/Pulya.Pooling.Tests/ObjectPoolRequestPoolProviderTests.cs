using Microsoft.Extensions.Options;

namespace Pulya.Pooling.Tests;

/// <summary>Reuse, the bound, reset and double return of the <c>ObjectPool</c> provider, observed through its counters.</summary>
public sealed class ObjectPoolRequestPoolProviderTests
{
    [Fact]
    public void A_returned_object_is_reset_and_rented_again()
    {
        var (provider, pool) = Create(maximumRetained: 8);
        var first = pool.Rent();
        first.State = "a";

        pool.Return(first);
        var second = pool.Rent();

        Assert.Same(first, second);
        Assert.Null(second.State);
        var counters = Assert.Single(provider.Pools);
        Assert.Equal(typeof(Item), counters.ObjectType);
        Assert.Equal(2, counters.Rentals);
        Assert.Equal(1, counters.Misses);
        Assert.Equal(1, counters.Returns);
        Assert.Equal(1, counters.Outstanding);
        Assert.Equal(0, counters.Retained);
    }

    [Fact]
    public void Objects_returned_beyond_the_bound_are_reset_and_dropped()
    {
        var (provider, pool) = Create(maximumRetained: 3);
        var items = Enumerable.Range(0, 5).Select(_ => pool.Rent()).ToList();

        items.ForEach(pool.Return);

        var counters = provider.Pools[0];
        Assert.Equal(3, counters.MaximumRetained);
        Assert.Equal(3, counters.Retained);
        Assert.Equal(2, counters.Drops);
        Assert.Equal(0, counters.Outstanding);
        Assert.Equal(5, counters.Returns);
        Assert.All(items, item => Assert.Equal(1, item.Resets));

        var again = Enumerable.Range(0, 5).Select(_ => pool.Rent()).ToList();
        Assert.Equal(3, again.Count(items.Contains));
        Assert.Equal(7, counters.Misses);
    }

    [Fact]
    public void The_bound_comes_from_the_options()
    {
        var provider = new ObjectPoolRequestPoolProvider(Options.Create(new PoolingOptions { MaximumRetained = 17 }));

        Assert.Equal(17, provider.MaximumRetained);
    }

    [Fact]
    public void A_second_return_of_the_same_object_is_refused()
    {
        var (provider, pool) = Create(maximumRetained: 8);
        var item = pool.Rent();
        pool.Return(item);

#if DEBUG
        var error = Assert.Throws<InvalidOperationException>(() => pool.Return(item));
        Assert.Contains("returned to the pool twice", error.Message, StringComparison.Ordinal);
#else
        pool.Return(item);
#endif

        // Harmless: reset once, retained once, so two renters can never get the same object.
        Assert.Equal(1, item.Resets);
        Assert.Equal(1, provider.Pools[0].RejectedReturns);
        Assert.Equal(1, provider.Pools[0].Retained);
        Assert.NotSame(pool.Rent(), pool.Rent());
    }

    [Fact]
    public void An_object_the_pool_did_not_hand_out_is_refused()
    {
        var (provider, pool) = Create(maximumRetained: 8);
        var stranger = new Item();

#if DEBUG
        var error = Assert.Throws<InvalidOperationException>(() => pool.Return(stranger));
        Assert.Contains("was not rented from this pool", error.Message, StringComparison.Ordinal);
#else
        pool.Return(stranger);
#endif

        Assert.Equal(0, stranger.Resets);
        Assert.Equal(1, provider.Pools[0].RejectedReturns);
        Assert.Equal(0, provider.Pools[0].Retained);
    }

    [Fact]
    public void An_object_whose_reset_fails_is_dropped_and_the_error_surfaces()
    {
        var (provider, pool) = Create(maximumRetained: 8);
        var item = pool.Rent();
        item.FailReset = true;

        Assert.Throws<InvalidOperationException>(() => pool.Return(item));

        Assert.Equal(1, provider.Pools[0].Drops);
        Assert.Equal(0, provider.Pools[0].Retained);
        Assert.Equal(0, provider.Outstanding);
        Assert.NotSame(item, pool.Rent());
    }

    [Fact]
    public void Outstanding_sums_every_pool()
    {
        var provider = new ObjectPoolRequestPoolProvider(Options.Create(new PoolingOptions()));
        var first = provider.Create(() => new Item());
        var second = provider.Create(() => new Item());

        var a = first.Rent();
        second.Rent();
        second.Rent();
        Assert.Equal(3, provider.Outstanding);

        first.Return(a);
        Assert.Equal(2, provider.Outstanding);
        Assert.Equal(2, provider.Pools.Count);
    }

    private static (ObjectPoolRequestPoolProvider Provider, IRequestPool<Item> Pool) Create(int maximumRetained)
    {
        var provider = new ObjectPoolRequestPoolProvider(Options.Create(new PoolingOptions { MaximumRetained = maximumRetained }));
        return (provider, provider.Create(() => new Item()));
    }

    private sealed class Item : IPoolable
    {
        public string? State { get; set; }

        public int Resets { get; private set; }

        public bool FailReset { get; set; }

        public void Reset()
        {
            Resets++;
            State = null;
            if (FailReset)
            {
                throw new InvalidOperationException("reset failed");
            }
        }
    }
}
