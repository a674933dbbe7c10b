using Pulya.Tests.Sample;

namespace Pulya.Tests.Pooling;

/// <summary>The sample's end-to-end cases with pooling on (provider <c>ObjectPool</c>): same responses as without.</summary>
public sealed class PooledSampleAppTests : SampleAppTests
{
    protected override string[] Arguments => ["--Pulya:Pooling:Enabled=true", "--Pulya:Pooling:MaximumRetained=4"];
}
