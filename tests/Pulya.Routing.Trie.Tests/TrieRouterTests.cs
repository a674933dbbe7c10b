using Pulya.Testing.Conformance.Routing;
using Pulya.Routing.Trie;

namespace Pulya.Routing.Trie.Tests;

/// <summary>What the trie router does beyond the shared suite: hash lookups, shared 405 instances, limits.</summary>
public sealed class TrieRouterTests
{
    [Fact]
    public void Nodes_with_many_literal_children_use_the_hash_lookup()
    {
        var routes = Enumerable.Range(0, TrieNode.LinearLiteralLimit + 3).Select(i => $"GET /n/s{i}/{{id}}").ToArray();
        var router = Build(routes);
        var values = new Range[1];

        for (var i = 0; i < routes.Length; i++)
        {
            Assert.Equal($"/n/s{i}/{{id}}", router.Match("GET", $"/n/s{i}/7", values).Route!.Template.Text);
        }

        Assert.Equal(RouteMatchKind.NotFound, router.Match("GET", "/n/other/7", values).Kind);
    }

    [Fact]
    public void Method_not_allowed_hands_out_instances_built_once()
    {
        var router = Build("GET /a", "POST /a", "GET /b/{x}", "PUT /b/c", "DELETE /b/{*rest}");
        var values = new Range[1];
        var known = router.AllowedSetCount;

        var single1 = router.Match("PATCH", "/a", values);
        var single2 = router.Match("PATCH", "/a", values);
        var union1 = router.Match("PATCH", "/b/c", values);
        var union2 = router.Match("PATCH", "/b/c", values);

        Assert.Same(single1.Allowed, single2.Allowed);
        Assert.Same(union1.Allowed, union2.Allowed);
        Assert.Equal("DELETE, GET, HEAD, PUT", union1.Allowed!.HeaderValue);
        Assert.Equal(known + 1, router.AllowedSetCount);
    }

    [Fact]
    public void At_most_64_distinct_methods_are_supported()
    {
        var methods = Enumerable.Range(0, TrieRouter.MaxMethods + 1).Select(i => "M" + i).ToArray();
        var ok = TrieRouter.Build(new RouteTable(methods[..^1].Select(m => new RouteEntry(m, RouteTemplate.Parse("/x")))));

        var error = Assert.Throws<RouteConflictException>(() => TrieRouter.Build(new RouteTable(methods.Select(m => new RouteEntry(m, RouteTemplate.Parse("/x"))))));

        Assert.Equal(RouteMatchKind.Found, ok.Match("M63", "/x", []).Kind);
        Assert.Equal(64, ok.Match("GET", "/x", []).Allowed!.Methods.Count);
        Assert.Contains("M64 /x", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Null_arguments_are_refused()
    {
        var router = Build("GET /a");

        Assert.Throws<ArgumentNullException>(() => TrieRouter.Build(null!));
        Assert.Throws<ArgumentNullException>(() => router.Match(null!, "/a", []));
        Assert.Throws<ArgumentNullException>(() => router.Match("GET", null!, []));
    }

    internal static TrieRouter Build(params string[] routes) => TrieRouter.Build(Table(routes));

    internal static RouteTable Table(params string[] routes) =>
        RouteSets.BuildTable(routes.Select(r => r.Split(' ', 2)).Select(p => (p[0], p[1])));
}
