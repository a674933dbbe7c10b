using Pulya.Conformance.Routing;
using Pulya.Routing;
using Pulya.Routing.Cached;
using Pulya.Routing.Trie;

namespace Pulya.Routing.Cached.Tests;

/// <summary>What the cache keeps, what it never keeps, and how it stays within its capacity.</summary>
public sealed class CachedRouterTests
{
    [Fact]
    public void Found_matches_are_cached_and_hits_copy_the_ranges_into_the_callers_span()
    {
        var router = Cached("GET /users/{id}/posts/{post:int}");
        var first = new Range[2];
        var second = new Range[2];

        var a = router.Match("GET", "/users/ann/posts/7", first);
        var b = router.Match("GET", "/users/ann/posts/7", second);

        Assert.Equal(a, b);
        Assert.Equal(first, second);
        Assert.Equal(["ann", "7"], second.Select(r => "/users/ann/posts/7"[r]));
        Assert.Equal(1, router.Cache.Hits);
        Assert.Equal(1, router.Cache.Misses);
        Assert.Equal(1, router.Cache.Count);
    }

    [Fact]
    public void The_key_is_the_method_and_the_exact_path()
    {
        var router = Cached("GET /a/{x}", "POST /a/{x}");
        var values = new Range[1];

        router.Match("GET", "/a/1", values);
        router.Match("POST", "/a/1", values);
        router.Match("GET", "/a/2", values);
        var post = router.Match("POST", "/a/1", values);

        Assert.Equal("POST", post.Route!.Method);
        Assert.Equal(3, router.Cache.Count);
        Assert.Equal(1, router.Cache.Hits);
    }

    [Fact]
    public void Not_found_is_never_cached_so_a_flood_of_unknown_paths_keeps_the_hot_routes()
    {
        var router = Cached(capacity: 4, "GET /hot/{id}");
        var values = new Range[1];
        router.Match("GET", "/hot/1", values);

        for (var i = 0; i < 1000; i++)
        {
            Assert.Equal(RouteMatchKind.NotFound, router.Match("GET", "/unknown/" + i, values).Kind);
        }

        Assert.Equal(1, router.Cache.Count);
        Assert.Equal(0, router.Cache.Evictions);
        Assert.True(router.Cache.Contains(new RouteCacheKey("GET", "/hot/1")));
    }

    [Theory]
    [InlineData(false, 0)]
    [InlineData(true, 1)]
    public void Method_not_allowed_is_cached_only_when_asked(bool cacheMethodNotAllowed, int expectedCount)
    {
        var router = new CachedRouter(new LinearRouterFactory().Create(Table("GET /a")), 10, cacheMethodNotAllowed);

        var first = router.Match("PUT", "/a", []);
        var second = router.Match("PUT", "/a", []);

        Assert.Equal(RouteMatchKind.MethodNotAllowed, second.Kind);
        Assert.Equal(first, second);
        Assert.Equal("GET, HEAD", second.Allowed!.HeaderValue);
        Assert.Equal(expectedCount, router.Cache.Count);
    }

    [Fact]
    public void Capacity_bounds_the_entries_and_the_least_recently_used_ones_go_first()
    {
        const int capacity = 30;
        var router = Cached(capacity, "GET /p/{id}");
        var values = new Range[1];
        string Path(int i) => "/p/" + i;

        // Fill the cache, then keep reading the first ten (recently used) while 200 other paths stream through once.
        for (var i = 0; i < capacity; i++)
        {
            router.Match("GET", Path(i), values);
        }

        for (var i = capacity; i < capacity + 200; i++)
        {
            for (var hot = 0; hot < 10; hot++)
            {
                router.Match("GET", Path(hot), values);
            }

            router.Match("GET", Path(i), values);
            Assert.True(router.Cache.Count <= capacity, $"{router.Cache.Count} entries for a capacity of {capacity}");
        }

        Assert.Equal(capacity, router.Cache.Count);
        Assert.All(Enumerable.Range(0, 10), hot => Assert.True(router.Cache.Contains(new RouteCacheKey("GET", Path(hot))), $"hot path {hot} was evicted"));
        Assert.All(Enumerable.Range(10, 20), cold => Assert.False(router.Cache.Contains(new RouteCacheKey("GET", Path(cold))), $"unused path {cold} is still cached"));
        Assert.True(router.Cache.Evictions >= 200 - 10);
    }

    [Fact]
    public void Concurrent_matches_of_hot_and_unique_paths_equal_the_inner_routers_and_stay_within_capacity()
    {
        const int capacity = 64;
        var table = RouteSets.Table("github");
        var inner = new TrieRouterFactory().Create(table);
        var router = new CachedRouter(inner, capacity, cacheMethodNotAllowed: true);
        var paths = RouteSets.Paths("github");
        var maxSeen = 0;

        Parallel.For(0, 16, new ParallelOptions { MaxDegreeOfParallelism = 16 }, task =>
        {
            var values = new Range[table.MaxParameterCount];
            var expectedValues = new Range[table.MaxParameterCount];
            for (var i = 0; i < 2000; i++)
            {
                var (method, path, _) = paths[(i * 7 + task) % 20];
                if (i % 10 == 0)
                {
                    (method, path, _) = paths[(i + task) % paths.Count];
                    path = path.Replace("12345", (task * 100_000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
                }

                if (i % 17 == 0)
                {
                    method = "PATCH";
                }

                var actual = router.Match(method, path, values);
                var expected = inner.Match(method, path, expectedValues);

                Assert.Equal(expected, actual);
                if (expected.Kind == RouteMatchKind.Found)
                {
                    var count = expected.Route!.Template.ParameterNames.Count;
                    Assert.Equal(expectedValues[..count], values[..count]);
                }

                InterlockedMax(ref maxSeen, router.Cache.Count);
            }
        });

        Assert.True(router.Cache.Count <= capacity, $"{router.Cache.Count} entries");
        Assert.True(maxSeen <= capacity, $"{maxSeen} entries seen for a capacity of {capacity}");
        Assert.True(router.Cache.Hits > 0);
    }

    [Fact]
    public void Table_and_inner_come_from_the_inner_router_and_null_arguments_are_refused()
    {
        var inner = new LinearRouterFactory().Create(Table("GET /a"));
        var router = new CachedRouter(inner, 1, false);

        Assert.Same(inner.Table, router.Table);
        Assert.Same(inner, router.Inner);
        Assert.Throws<ArgumentNullException>(() => new CachedRouter(null!, 1, false));
        Assert.Throws<ArgumentOutOfRangeException>(() => new CachedRouter(inner, 0, false));
        Assert.Throws<ArgumentNullException>(() => router.Match(null!, "/a", []));
        Assert.Throws<ArgumentNullException>(() => router.Match("GET", null!, []));
    }

    [Fact]
    public void Keys_compare_method_and_path_ordinally()
    {
        var key = new RouteCacheKey("GET", "/a");

        Assert.True(key.Equals((object)new RouteCacheKey("GET", "/a")));
        Assert.False(key.Equals((object)new RouteCacheKey("GET", "/A")));
        Assert.False(key.Equals(new RouteCacheKey("POST", "/a")));
        Assert.False(key.Equals("GET /a"));
        Assert.Equal(key.GetHashCode(), new RouteCacheKey("GET", "/a").GetHashCode());
    }

    private static void InterlockedMax(ref int target, int value)
    {
        var current = Volatile.Read(ref target);
        while (value > current)
        {
            var seen = Interlocked.CompareExchange(ref target, value, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }

    private static CachedRouter Cached(params string[] routes) => Cached(1000, routes);

    private static CachedRouter Cached(int capacity, params string[] routes) =>
        new(new LinearRouterFactory().Create(Table(routes)), capacity, cacheMethodNotAllowed: false);

    private static RouteTable Table(params string[] routes) =>
        RouteSets.BuildTable(routes.Select(r => r.Split(' ', 2)).Select(p => (p[0], p[1])));
}
