using Pulya.Testing.Conformance.Routing;
using Pulya.Routing;

namespace ThirdParty.Routing.Tests;

/// <summary>The routing conformance suite against the third-party decorator over the third-party router: it answers as the router it wraps.</summary>
public sealed class CountingRouterConformanceTests : RouterConformanceTests
{
    protected override IRouter CreateRouter(RouteTable table) => new CountingRouter(new SegmentRouter(table), new MatchCounts());
}
