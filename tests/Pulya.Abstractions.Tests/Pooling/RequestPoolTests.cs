using Microsoft.AspNetCore.Http.Features;
using Pulya.Pooling;

namespace Pulya.Abstractions.Tests.Pooling;

/// <summary>A pool that does not use the server's features gets the plain <c>Rent</c>/<c>Return</c> through the feature overloads.</summary>
public sealed class RequestPoolTests
{
    [Fact]
    public void The_feature_overloads_default_to_Rent_and_Return()
    {
        IRequestPool<Item> pool = new CountingPool();
        var features = new FeatureCollection();

        var item = pool.Rent(features);
        pool.Return(item, features);

        var counting = (CountingPool)pool;
        Assert.Equal(1, counting.Rents);
        Assert.Same(item, counting.Returned);
    }

    private sealed class Item : IPoolable
    {
        public void Reset()
        {
        }
    }

    private sealed class CountingPool : IRequestPool<Item>
    {
        public int Rents { get; private set; }

        public Item? Returned { get; private set; }

        public Item Rent()
        {
            Rents++;
            return new Item();
        }

        public void Return(Item item) => Returned = item;
    }
}
