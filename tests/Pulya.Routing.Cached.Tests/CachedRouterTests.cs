using Pulya.Testing.Conformance.Routing;
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
        var router = Cached(RouteCacheAdmission.FirstMiss, "GET /users/{id}/posts/{post:int}");
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
    public void By_default_a_key_is_cached_on_its_second_miss_and_answered_from_the_cache_on_the_third_request()
    {
        var router = Cached("GET /users/{id}");
        var values = new Range[1];
        var key = new RouteCacheKey("GET", "/users/ann");

        var first = router.Match("GET", "/users/ann", values);
        Assert.False(router.Cache.Contains(key));
        Assert.Equal((0, 1, 0), (router.Cache.Hits, router.Cache.Misses, router.Cache.Count));

        var second = router.Match("GET", "/users/ann", values);
        Assert.True(router.Cache.Contains(key));
        Assert.Equal((0, 2, 1), (router.Cache.Hits, router.Cache.Misses, router.Cache.Count));

        Array.Fill(values, default);
        var third = router.Match("GET", "/users/ann", values);
        Assert.Equal((1, 2, 1), (router.Cache.Hits, router.Cache.Misses, router.Cache.Count));
        Assert.Equal(first, second);
        Assert.Equal(first, third);
        Assert.Equal("ann", "/users/ann"[values[0]]);
    }

    [Fact]
    public void A_scan_of_unique_paths_is_never_admitted_and_evicts_nothing_while_the_hot_keys_keep_hitting()
    {
        const int capacity = 30;
        var router = Cached(capacity, RouteCacheAdmission.SecondMiss, "GET /p/{id}");
        var values = new Range[1];
        string Path(int i) => "/p/" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        for (var pass = 0; pass < 2; pass++)
        {
            for (var hot = 0; hot < 4; hot++)
            {
                router.Match("GET", Path(hot), values);
            }
        }

        for (var i = 1000; i < 1300; i++)
        {
            Assert.Equal(RouteMatchKind.Found, router.Match("GET", Path(i), values).Kind);
            Assert.Equal(i.ToString(System.Globalization.CultureInfo.InvariantCulture), Path(i)[values[0]]);
            router.Match("GET", Path(i % 4), values);
        }

        Assert.Equal(4, router.Cache.Count);
        Assert.Equal(0, router.Cache.Evictions);
        Assert.Equal(8 + 300, router.Cache.Misses);
        Assert.Equal(300, router.Cache.Hits);
        Assert.All(Enumerable.Range(0, 4), hot => Assert.True(router.Cache.Contains(new RouteCacheKey("GET", Path(hot)))));
    }

    [Fact]
    public void A_scan_admitted_on_the_first_miss_fills_the_cache_and_evicts()
    {
        const int capacity = 30;
        var router = Cached(capacity, RouteCacheAdmission.FirstMiss, "GET /p/{id}");
        var values = new Range[1];

        for (var i = 0; i < 100; i++)
        {
            router.Match("GET", "/p/" + i, values);
        }

        Assert.Equal(capacity, router.Cache.Count);
        Assert.Equal(100 - capacity, router.Cache.Evictions);
    }

    [Fact]
    public void Paths_requested_twice_are_admitted_on_the_second_miss_within_the_capacity()
    {
        const int capacity = 30;
        var router = Cached(capacity, RouteCacheAdmission.SecondMiss, "GET /p/{id}");
        var values = new Range[1];

        for (var i = 0; i < 100; i++)
        {
            router.Match("GET", "/p/" + i, values);
            router.Match("GET", "/p/" + i, values);
            Assert.True(router.Cache.Count <= capacity, $"{router.Cache.Count} entries for a capacity of {capacity}");
            Assert.True(router.Cache.Contains(new RouteCacheKey("GET", "/p/" + i)));
        }

        Assert.Equal(0, router.Cache.Hits);
        Assert.Equal(100 - capacity, router.Cache.Evictions);
    }

    [Fact]
    public void The_key_is_the_method_and_the_exact_path()
    {
        var router = Cached(RouteCacheAdmission.FirstMiss, "GET /a/{x}", "POST /a/{x}");
        var values = new Range[1];

        router.Match("GET", "/a/1", values);
        router.Match("POST", "/a/1", values);
        router.Match("GET", "/a/2", values);
        var post = router.Match("POST", "/a/1", values);

        Assert.Equal("POST", post.Route!.Method);
        Assert.Equal(3, router.Cache.Count);
        Assert.Equal(1, router.Cache.Hits);
    }

    [Theory]
    [InlineData(RouteCacheAdmission.FirstMiss)]
    [InlineData(RouteCacheAdmission.SecondMiss)]
    public void Not_found_is_never_cached_so_a_flood_of_unknown_paths_keeps_the_hot_routes(RouteCacheAdmission admission)
    {
        var router = Cached(capacity: 4, admission, "GET /hot/{id}");
        var values = new Range[1];
        router.Match("GET", "/hot/1", values);
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
    [InlineData(false, RouteCacheAdmission.FirstMiss, 0)]
    [InlineData(true, RouteCacheAdmission.FirstMiss, 1)]
    [InlineData(false, RouteCacheAdmission.SecondMiss, 0)]
    [InlineData(true, RouteCacheAdmission.SecondMiss, 1)]
    public void Method_not_allowed_is_cached_only_when_asked(bool cacheMethodNotAllowed, RouteCacheAdmission admission, int expectedCount)
    {
        var router = new CachedRouter(new LinearRouterFactory().Create(Table("GET /a")), 10, cacheMethodNotAllowed, admission);

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
        var router = Cached(capacity, RouteCacheAdmission.FirstMiss, "GET /p/{id}");
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

    [Theory]
    [InlineData(RouteCacheAdmission.FirstMiss)]
    [InlineData(RouteCacheAdmission.SecondMiss)]
    public void Concurrent_matches_of_hot_and_unique_paths_equal_the_inner_routers_and_stay_within_capacity(RouteCacheAdmission admission)
    {
        const int capacity = 64;
        var table = RouteSets.Table("github");
        var inner = new TrieRouterFactory().Create(table);
        var router = new CachedRouter(inner, capacity, cacheMethodNotAllowed: true, admission);
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
        var router = new CachedRouter(inner, 1, false, RouteCacheAdmission.SecondMiss);

        Assert.Same(inner.Table, router.Table);
        Assert.Same(inner, router.Inner);
        Assert.NotNull(router.Doorkeeper);
        Assert.Null(new CachedRouter(inner, 1, false, RouteCacheAdmission.FirstMiss).Doorkeeper);
        Assert.Throws<ArgumentNullException>(() => new CachedRouter(null!, 1, false, RouteCacheAdmission.SecondMiss));
        Assert.Throws<ArgumentOutOfRangeException>(() => new CachedRouter(inner, 0, false, RouteCacheAdmission.SecondMiss));
        Assert.Throws<ArgumentOutOfRangeException>(() => new CachedRouter(inner, 1, false, (RouteCacheAdmission)7));
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
        Assert.NotEqual(key.GetHashCode(), new RouteCacheKey("POST", "/a").GetHashCode());
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

    private static CachedRouter Cached(params string[] routes) => Cached(1000, RouteCacheAdmission.SecondMiss, routes);

    private static CachedRouter Cached(RouteCacheAdmission admission, params string[] routes) => Cached(1000, admission, routes);

    private static CachedRouter Cached(int capacity, RouteCacheAdmission admission, params string[] routes) =>
        new(new LinearRouterFactory().Create(Table(routes)), capacity, cacheMethodNotAllowed: false, admission);

    private static RouteTable Table(params string[] routes) =>
        RouteSets.BuildTable(routes.Select(r => r.Split(' ', 2)).Select(p => (p[0], p[1])));
}
