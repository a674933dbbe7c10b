using Microsoft.AspNetCore.Hosting.Server.Abstractions;
using Microsoft.AspNetCore.Http.Features;
using Pulya.Pooling;

namespace Pulya.Pooling.Tests;

/// <summary>The <c>PerConnection</c> provider against connections that keep a context, as Kestrel's do.</summary>
public sealed class PerConnectionRequestPoolProviderTests
{
    [Fact]
    public void Requests_of_one_connection_reuse_one_reset_object()
    {
        var created = 0;
        var pool = new PerConnectionRequestPoolProvider().Create(() => new Item(++created));
        var connection = new Connection();

        var first = pool.Rent(connection);
        first.State = "request 1";
        pool.Return(first, connection);
        var second = pool.Rent(connection);

        Assert.Same(first, second);
        Assert.Null(second.State);
        Assert.Equal(1, second.Resets);
        Assert.Equal(1, created);
    }

    [Fact]
    public void Two_connections_never_share_an_object()
    {
        var pool = new PerConnectionRequestPoolProvider().Create(() => new Item(0));
        var (a, b) = (new Connection(), new Connection());

        var onA = pool.Rent(a);
        var onB = pool.Rent(b);
        pool.Return(onA, a);
        pool.Return(onB, b);

        Assert.NotSame(onA, onB);
        Assert.Same(onA, pool.Rent(a));
        Assert.Same(onB, pool.Rent(b));
    }

    [Fact]
    public void An_object_still_out_is_not_handed_to_the_connections_next_request()
    {
        var pool = new PerConnectionRequestPoolProvider().Create(() => new Item(0));
        var connection = new Connection();
        var late = pool.Rent(connection);
        pool.Return(late, connection);
        late = pool.Rent(connection);

        // The previous request's object has not come back yet (e.g. its scope is still being disposed).
        var next = pool.Rent(connection);
        pool.Return(late, connection);

        Assert.NotSame(late, next);
    }

    [Fact]
    public void Features_without_a_container_get_a_new_object_every_time()
    {
        var pool = new PerConnectionRequestPoolProvider().Create(() => new Item(0));
        var features = new FeatureCollection();

        var first = pool.Rent(features);
        first.State = "request 1";
        pool.Return(first, features);
        var second = pool.Rent(features);

        Assert.NotSame(first, second);
        Assert.Null(first.State);
    }

    [Fact]
    public void Return_with_features_rejects_null()
    {
        var pool = new PerConnectionRequestPoolProvider().Create(() => new Item(0));

        Assert.Throws<ArgumentNullException>(() => pool.Return(null!, new Connection()));
    }

    private sealed class Item(int id) : IPoolable
    {
        public int Id { get; } = id;

        public string? State { get; set; }

        public int Resets { get; private set; }

        public void Reset()
        {
            State = null;
            Resets++;
        }
    }

    /// <summary>A connection's features that keep a context, like Kestrel's HTTP/1.1 connection.</summary>
    private sealed class Connection : FeatureCollection, IHostContextContainer<Item>
    {
        public Item? HostContext { get; set; }
    }
}
