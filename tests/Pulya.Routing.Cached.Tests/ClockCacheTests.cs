using Pulya.Routing.Cached;

namespace Pulya.Routing.Cached.Tests;

/// <summary>The CLOCK cache under the route cache: first writer wins, second chances, strict capacity.</summary>
public sealed class ClockCacheTests
{
    private static readonly RouteEntry Route = new("GET", RouteTemplate.Parse("/a"));

    [Fact]
    public void Adding_a_key_already_cached_keeps_the_first_value()
    {
        var cache = new ClockCache(2);
        var first = new CachedMatch(RouteMatch.Found(Route), []);
        var second = new CachedMatch(RouteMatch.NotFound, []);

        cache.Add(new RouteCacheKey("GET", "/a"), first);
        cache.Add(new RouteCacheKey("GET", "/a"), second);

        Assert.True(cache.TryGet(new RouteCacheKey("GET", "/a"), out var value));
        Assert.Same(first, value);
        Assert.Equal(1, cache.Count);
    }

    [Fact]
    public void Entries_read_since_the_hand_passed_get_a_second_chance_and_the_oldest_unread_entry_goes()
    {
        var cache = new ClockCache(3);
        var value = new CachedMatch(RouteMatch.Found(Route), []);
        cache.Add(new RouteCacheKey("GET", "/1"), value);
        cache.Add(new RouteCacheKey("GET", "/2"), value);
        cache.Add(new RouteCacheKey("GET", "/3"), value);
        cache.TryGet(new RouteCacheKey("GET", "/1"), out _);

        cache.Add(new RouteCacheKey("GET", "/4"), value);
        cache.Add(new RouteCacheKey("GET", "/5"), value);

        Assert.True(cache.Contains(new RouteCacheKey("GET", "/1")));
        Assert.False(cache.Contains(new RouteCacheKey("GET", "/2")));
        Assert.False(cache.Contains(new RouteCacheKey("GET", "/3")));
        Assert.True(cache.Contains(new RouteCacheKey("GET", "/4")));
        Assert.True(cache.Contains(new RouteCacheKey("GET", "/5")));
        Assert.Equal(2, cache.Evictions);
        Assert.Equal(3, cache.Count);
    }

    [Fact]
    public void A_capacity_of_one_holds_the_latest_entry()
    {
        var cache = new ClockCache(1);
        var value = new CachedMatch(RouteMatch.Found(Route), []);

        cache.Add(new RouteCacheKey("GET", "/1"), value);
        cache.TryGet(new RouteCacheKey("GET", "/1"), out _);
        cache.Add(new RouteCacheKey("GET", "/2"), value);

        Assert.False(cache.Contains(new RouteCacheKey("GET", "/1")));
        Assert.True(cache.Contains(new RouteCacheKey("GET", "/2")));
        Assert.Equal(1, cache.Count);
        Assert.Throws<ArgumentOutOfRangeException>(() => new ClockCache(0));
    }
}
