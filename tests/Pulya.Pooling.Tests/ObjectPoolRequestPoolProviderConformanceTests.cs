using Microsoft.Extensions.Options;
using Pulya.Testing.Conformance.Pooling;
using Pulya.Pooling;

namespace Pulya.Pooling.Tests;

/// <summary>The pooling conformance suite against the <c>ObjectPool</c> provider, with a small bound so drops happen too.</summary>
public sealed class ObjectPoolRequestPoolProviderConformanceTests : RequestPoolProviderConformanceTests
{
    protected override IRequestPoolProvider CreateProvider() =>
        new ObjectPoolRequestPoolProvider(Options.Create(new PoolingOptions { MaximumRetained = 4 }));
}
