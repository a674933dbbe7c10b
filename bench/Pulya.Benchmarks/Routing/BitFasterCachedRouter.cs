using BitFaster.Caching.Lru;
using Pulya.Routing;
using Pulya.Routing.Cached;

namespace Pulya.Benchmarks.Routing;

/// <summary>
/// The alternative the route cache was measured against: the same decorator over BitFaster.Caching's
/// <see cref="ConcurrentLru{K, V}"/> instead of the hand-written CLOCK cache (benchmark only).
/// </summary>
internal sealed class BitFasterCachedRouter(IRouter inner, int capacity) : IRouter
{
    private readonly ConcurrentLru<RouteCacheKey, CachedMatch> _cache = new(capacity);

    public RouteTable Table => inner.Table;

    public RouteMatch Match(string method, string path, Span<Range> values)
    {
        var key = new RouteCacheKey(method, path);
        if (_cache.TryGet(key, out var cached))
        {
            return cached.CopyTo(values);
        }

        var match = inner.Match(method, path, values);
        if (match.Kind == RouteMatchKind.Found)
        {
            _cache.AddOrUpdate(key, new CachedMatch(match, values[..match.Route!.Template.ParameterNames.Count].ToArray()));
        }

        return match;
    }
}
