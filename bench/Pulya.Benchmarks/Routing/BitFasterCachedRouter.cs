using BitFaster.Caching.Lru;
using Pulya.Routing;
using Pulya.Routing.Cached;

namespace Pulya.Benchmarks.Routing;

/// <summary>
/// The alternative the route cache was measured against: the same decorator, with the same admission policy (a
/// <see cref="Doorkeeper"/> for <see cref="RouteCacheAdmission.SecondMiss"/>), over BitFaster.Caching's
/// <see cref="ConcurrentLru{K, V}"/> instead of the hand-written CLOCK cache (benchmark only).
/// </summary>
internal sealed class BitFasterCachedRouter(IRouter inner, int capacity, RouteCacheAdmission admission) : IRouter
{
    private readonly ConcurrentLru<RouteCacheKey, CachedMatch> _cache = new(capacity);
    private readonly Doorkeeper? _doorkeeper = admission == RouteCacheAdmission.SecondMiss ? new Doorkeeper(capacity) : null;

    public RouteTable Table => inner.Table;

    public RouteMatch Match(string method, string path, Span<Range> values)
    {
        var key = new RouteCacheKey(method, path);
        if (_cache.TryGet(key, out var cached))
        {
            return cached.CopyTo(values);
        }

        var match = inner.Match(method, path, values);
        if (match.Kind == RouteMatchKind.Found && (_doorkeeper is null || _doorkeeper.SeenBefore(key.GetHashCode())))
        {
            _cache.AddOrUpdate(key, new CachedMatch(match, values[..match.Route!.Template.ParameterNames.Count].ToArray()));
        }

        return match;
    }
}
