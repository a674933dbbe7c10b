using Pulya.Testing.Conformance.Pooling;
using Pulya.Pooling;

namespace Pulya.Pooling.Tests;

/// <summary>The pooling conformance suite against the <c>PerConnection</c> provider (rents without a connection).</summary>
public sealed class PerConnectionRequestPoolProviderConformanceTests : RequestPoolProviderConformanceTests
{
    protected override IRequestPoolProvider CreateProvider() => new PerConnectionRequestPoolProvider();
}
