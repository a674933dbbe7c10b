using Pulya.Pooling;

namespace Pulya.Tests.Shared.Models;

/// <summary>A pooled object with nothing to reset: what a pool under test hands out when only the pool is watched.</summary>
public sealed class Poolable : IPoolable
{
    public void Reset()
    {
    }
}
