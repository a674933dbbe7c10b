using Pulya.Testing.Conformance.Pooling;
using Pulya.Pooling;

namespace Pulya.Tests.Pooling;

/// <summary>The pooling conformance suite against the baseline <c>None</c> provider.</summary>
public sealed class NoPoolProviderConformanceTests : RequestPoolProviderConformanceTests
{
    protected override IRequestPoolProvider CreateProvider() => new NoPoolProvider();

    [Fact]
    public void Every_rent_creates_a_new_object()
    {
        var created = 0;
        var pool = CreateProvider().Create(() => new Poolable(Interlocked.Increment(ref created)));

        var first = pool.Rent();
        pool.Return(first);
        var second = pool.Rent();

        Assert.NotSame(first, second);
        Assert.Equal(2, created);
    }
}
