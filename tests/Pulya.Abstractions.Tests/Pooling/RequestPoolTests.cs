using Microsoft.AspNetCore.Http.Features;
using Pulya.Pooling;
using Pulya.Tests.Shared.Models;

namespace Pulya.Abstractions.Tests.Pooling;

/// <summary>A pool that does not use the server's features gets the plain <c>Rent</c>/<c>Return</c> through the feature overloads.</summary>
public sealed class RequestPoolTests
{
    [Fact]
    public void The_feature_overloads_default_to_Rent_and_Return()
    {
        IRequestPool<Poolable> pool = new CountingPool();
        var features = new FeatureCollection();

        var item = pool.Rent(features);
        pool.Return(item, features);

        var counting = (CountingPool)pool;
        Assert.Equal(1, counting.Rents);
        Assert.Same(item, counting.Returned);
    }

    private sealed class CountingPool : IRequestPool<Poolable>
    {
        public int Rents { get; private set; }

        public Poolable? Returned { get; private set; }

        public Poolable Rent()
        {
            Rents++;
            return new Poolable();
        }

        public void Return(Poolable item) => Returned = item;
    }
}
