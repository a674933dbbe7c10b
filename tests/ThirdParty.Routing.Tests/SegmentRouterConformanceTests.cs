using Pulya.Testing.Conformance.Routing;
using Pulya.Routing;

namespace ThirdParty.Routing.Tests;

/// <summary>The shipped routing conformance suite against the third-party router, built through its factory.</summary>
public sealed class SegmentRouterConformanceTests : RouterConformanceTests
{
    protected override IRouter CreateRouter(RouteTable table) => new SegmentRouterFactory().Create(table);
}
