using Pulya.Conformance.Routing;
using Pulya.Routing;
using Pulya.Routing.Cached;
using Pulya.Routing.Trie;

namespace Pulya.Routing.Cached.Tests;

/// <summary>
/// The routing conformance suite against Cached(Linear) and Cached(Trie). Every match is made twice (the first may fill
/// the cache, the second may hit it); both must agree, and the second is what the suite checks.
/// </summary>
public sealed class CachedLinearConformanceTests : RouterConformanceTests
{
    protected override IRouter CreateRouter(RouteTable table) =>
        new TwiceRouter(new CachedRouter(new LinearRouterFactory().Create(table), capacity: 1000, cacheMethodNotAllowed: true));
}

/// <summary>The routing conformance suite against Cached(Trie), with the default options (405 not cached) and a small capacity.</summary>
public sealed class CachedTrieConformanceTests : RouterConformanceTests
{
    protected override IRouter CreateRouter(RouteTable table) =>
        new TwiceRouter(new CachedRouter(new TrieRouterFactory().Create(table), capacity: 64, cacheMethodNotAllowed: false));
}
