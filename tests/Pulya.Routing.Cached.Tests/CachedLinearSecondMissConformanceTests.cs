using Pulya.Testing.Conformance.Routing;
using Pulya.Routing;
using Pulya.Routing.Cached;

namespace Pulya.Routing.Cached.Tests;

/// <summary>The routing conformance suite against Cached(Linear) with admission on the second miss and 405s cached.</summary>
public sealed class CachedLinearSecondMissConformanceTests : RouterConformanceTests
{
    protected override IRouter CreateRouter(RouteTable table) =>
        new RepeatedRouter(new CachedRouter(new LinearRouterFactory().Create(table), capacity: 1000, cacheMethodNotAllowed: true, RouteCacheAdmission.SecondMiss), times: 3);
}
