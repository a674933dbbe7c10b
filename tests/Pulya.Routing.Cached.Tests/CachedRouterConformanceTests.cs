using Pulya.Testing.Conformance.Routing;
using Pulya.Routing;
using Pulya.Routing.Cached;
using Pulya.Routing.Trie;

namespace Pulya.Routing.Cached.Tests;

/// <summary>
/// The routing conformance suite against Cached(Linear), admitting on the first miss and caching 405s. Every match is
/// made twice (the first fills the cache, the second hits it); both must agree, and the second is what the suite checks.
/// </summary>
public sealed class CachedLinearConformanceTests : RouterConformanceTests
{
    protected override IRouter CreateRouter(RouteTable table) =>
        new RepeatedRouter(new CachedRouter(new LinearRouterFactory().Create(table), capacity: 1000, cacheMethodNotAllowed: true, RouteCacheAdmission.FirstMiss), times: 2);
}

/// <summary>
/// The routing conformance suite against Cached(Trie) with the default options (admission on the second miss, 405 not
/// cached) and a small capacity. Every match is made three times (miss, admitting miss, hit); all must agree.
/// </summary>
public sealed class CachedTrieConformanceTests : RouterConformanceTests
{
    protected override IRouter CreateRouter(RouteTable table) =>
        new RepeatedRouter(new CachedRouter(new TrieRouterFactory().Create(table), capacity: 64, cacheMethodNotAllowed: false, RouteCacheAdmission.SecondMiss), times: 3);
}
