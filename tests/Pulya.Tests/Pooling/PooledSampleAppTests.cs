using Pulya.Testing;
using Pulya.Tests.Sample;

namespace Pulya.Tests.Pooling;

/// <summary>The sample's end-to-end cases with pooling on (provider <c>ObjectPool</c>): same responses as without.</summary>
public abstract class PooledSampleAppTests(TestTransport transport) : SampleAppTests(transport)
{
    protected override string[] Arguments => ["--Pulya:Pooling:Enabled=true", "--Pulya:Pooling:MaximumRetained=4"];

    /// <summary>The suite in memory.</summary>
    public new sealed class OnTestServer() : PooledSampleAppTests(TestTransport.TestServer);

    /// <summary>The suite over real Kestrel sockets.</summary>
    public new sealed class OnKestrel() : PooledSampleAppTests(TestTransport.Kestrel);
}
