using Pulya.Testing.Conformance.Routing;
using Pulya.Routing.Trie;

namespace Pulya.Routing.Trie.Tests;

/// <summary>Matching allocates nothing: counted with the runtime's per-thread allocation counter, not timed.</summary>
public sealed class AllocationTests
{
    [Theory]
    [InlineData("static")]
    [InlineData("github")]
    [InlineData("gplus")]
    [InlineData("parse")]
    public void Matching_every_path_of_a_route_set_allocates_nothing(string set)
    {
        var router = TrieRouter.Build(RouteSets.Table(set));
        var values = new Range[router.Table.MaxParameterCount];
        var paths = RouteSets.Paths(set).ToArray();
        Run(router, paths, values);

        var before = GC.GetAllocatedBytesForCurrentThread();
        Run(router, paths, values);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
    }

    [Fact]
    public void Not_found_and_method_not_allowed_allocate_nothing_once_warm()
    {
        var router = TrieRouter.Build(RouteSets.Table("github-full"));
        var values = new Range[router.Table.MaxParameterCount];
        (string Method, string Path, string Template)[] paths =
        [
            ("PUT", "/gists/starred", string.Empty),
            ("PUT", "/repos/o/r/contents/a/b", string.Empty),
            ("GET", "/no/such/route", string.Empty),
        ];
        Run(router, paths, values);

        var before = GC.GetAllocatedBytesForCurrentThread();
        Run(router, paths, values);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
    }

    [Fact]
    public void Leaves_with_the_same_methods_share_one_allowed_set()
    {
        const int Routes = 10_000;
        var table = new RouteTable(Enumerable.Range(0, Routes).SelectMany(i => new[]
        {
            new RouteEntry("GET", RouteTemplate.Parse($"/r{i}/{{id:int}}")),
            new RouteEntry("DELETE", RouteTemplate.Parse($"/r{i}/{{id:int}}")),
        }));

        var router = TrieRouter.Build(table);
        var first = router.Match("PUT", "/r0/1", new Range[1]);
        var last = router.Match("PUT", $"/r{Routes - 1}/1", new Range[1]);

        Assert.Equal(RouteMatchKind.MethodNotAllowed, first.Kind);
        Assert.Equal("DELETE, GET", first.Allowed!.HeaderValue);
        Assert.Same(first.Allowed, last.Allowed);
        Assert.Equal(1, router.AllowedSetCount);
    }

    private static void Run(TrieRouter router, (string Method, string Path, string Template)[] paths, Range[] values)
    {
        for (var i = 0; i < 10; i++)
        {
            foreach (var (method, path, _) in paths)
            {
                router.Match(method, path, values);
            }
        }
    }
}
