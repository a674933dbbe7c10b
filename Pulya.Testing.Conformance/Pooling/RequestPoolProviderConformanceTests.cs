using System.Collections.Concurrent;
using Pulya.Pooling;

namespace Pulya.Testing.Conformance.Pooling;

/// <summary>
/// The behaviour every <see cref="IRequestPoolProvider"/> keeps: objects come from the factory or the pool, every returned
/// object is reset, no object is ever handed to two renters at once, and no rented object carries state of an earlier renter.
/// Each provider's test project derives from this class and supplies <see cref="CreateProvider"/>.
/// </summary>
public abstract class RequestPoolProviderConformanceTests
{
    /// <summary>Creates the provider under test (a fresh one per test).</summary>
    protected abstract IRequestPoolProvider CreateProvider();

    /// <summary>Create rejects a null factory.</summary>
    [Fact]
    public void Create_rejects_a_null_factory()
    {
        Assert.Throws<ArgumentNullException>(() => CreateProvider().Create<Poolable>(null!));
    }

    /// <summary>Rent on an empty pool calls the factory.</summary>
    [Fact]
    public void Rent_on_an_empty_pool_calls_the_factory()
    {
        var created = 0;
        var pool = CreateProvider().Create(() => new Poolable(Interlocked.Increment(ref created)));

        var item = pool.Rent();

        Assert.Equal(1, created);
        Assert.Equal(1, item.Id);
        Assert.Null(item.State);
    }

    /// <summary>Return resets the object once.</summary>
    [Fact]
    public void Return_resets_the_object_once()
    {
        var pool = CreateProvider().Create(() => new Poolable(0));
        var item = pool.Rent();
        item.State = "request 1";

        pool.Return(item);

        Assert.Equal(1, item.ResetCount);
        Assert.Null(item.State);
    }

    /// <summary>Return rejects null.</summary>
    [Fact]
    public void Return_rejects_null()
    {
        var pool = CreateProvider().Create(() => new Poolable(0));

        Assert.Throws<ArgumentNullException>(() => pool.Return(null!));
    }

    /// <summary>A rented object never carries the state of an earlier request.</summary>
    [Fact]
    public void A_rented_object_never_carries_the_state_of_an_earlier_request()
    {
        var pool = CreateProvider().Create(() => new Poolable(0));
        for (var i = 0; i < 100; i++)
        {
            var item = pool.Rent();
            Assert.Null(item.State);
            item.State = "request " + i;
            pool.Return(item);
        }
    }

    /// <summary>Pools of one provider are independent.</summary>
    [Fact]
    public void Pools_of_one_provider_are_independent()
    {
        var provider = CreateProvider();
        var first = provider.Create(() => new Poolable(1));
        var second = provider.Create(() => new Poolable(2));

        first.Return(first.Rent());

        Assert.Equal(2, second.Rent().Id);
        Assert.Equal(1, first.Rent().Id);
    }

    /// <summary>Concurrent renters never share an object.</summary>
    [Fact]
    public async Task Concurrent_renters_never_share_an_object()
    {
        var pool = CreateProvider().Create(() => new Poolable(0));
        var failures = new ConcurrentQueue<string>();
        using var start = new ManualResetEventSlim();

        var workers = Enumerable.Range(0, 8).Select(worker => Task.Factory.StartNew(
            () =>
            {
                start.Wait();
                for (var i = 0; i < 2000; i++)
                {
                    var item = pool.Rent();
                    var token = $"{worker}:{i}";
                    if (Interlocked.Exchange(ref item.Owner, token) is { } other)
                    {
                        failures.Enqueue($"{token} got an object still held by {other}");
                    }

                    if (item.State is not null)
                    {
                        failures.Enqueue($"{token} saw state '{item.State}'");
                    }

                    item.State = token;
                    Thread.Yield();
                    if (item.State != token)
                    {
                        failures.Enqueue($"{token} had its state overwritten with '{item.State}'");
                    }

                    Volatile.Write(ref item.Owner, null);
                    pool.Return(item);
                }
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default)).ToArray();
        start.Set();
        await Task.WhenAll(workers);

        Assert.Empty(failures);
    }

    /// <summary>A pooled object that records its resets.</summary>
    protected sealed class Poolable(int id) : IPoolable
    {
#pragma warning disable CA1051 // Interlocked needs a field.
        /// <summary>The renter currently holding the object (set and cleared by the concurrency test).</summary>
        public string? Owner;
#pragma warning restore CA1051

        /// <summary>The number the factory gave the object.</summary>
        public int Id { get; } = id;

        /// <summary>Per-request state, cleared by <see cref="Reset"/>.</summary>
        public string? State { get; set; }

        /// <summary>How many times the pool reset the object.</summary>
        public int ResetCount { get; private set; }

        /// <summary>Clears the per-request state and counts the reset.</summary>
        public void Reset()
        {
            State = null;
            ResetCount++;
        }
    }
}
