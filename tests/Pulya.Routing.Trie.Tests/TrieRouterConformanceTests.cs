using Pulya.Testing.Conformance.Routing;
using Pulya.Routing;

namespace Pulya.Routing.Trie.Tests;

/// <summary>The routing conformance suite against the trie router.</summary>
public sealed class TrieRouterConformanceTests : RouterConformanceTests
{
    protected override IRouter CreateRouter(RouteTable table) => new TrieRouterFactory().Create(table);
}
