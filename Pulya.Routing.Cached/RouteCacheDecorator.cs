using System.Diagnostics.Metrics;
using Microsoft.Extensions.Options;
using Pulya.Diagnostics;

namespace Pulya.Routing.Cached;

/// <summary>
/// Wraps the selected router in a bounded LRU cache of match results when <c>Pulya:RouteCache:Enabled</c> is true
/// (defaults to false: the router is returned unchanged). Capacity defaults to 1000 entries; 405 results are cached only
/// with <c>Pulya:RouteCache:CacheMethodNotAllowed</c>; a key is cached on its second miss unless
/// <c>Pulya:RouteCache:Admission</c> is <c>FirstMiss</c>. Publishes <c>pulya.route_cache.hits</c>, <c>.misses</c>,
/// <c>.evictions</c> and <c>.count</c> on the <c>Pulya</c> meter.
/// </summary>
public sealed class RouteCacheDecorator : IRouterDecorator
{
    /// <summary>The name the decorator is registered under (<c>RouteCache</c>).</summary>
    public const string Name = "RouteCache";

    private readonly RouteCacheOptions _options;
    private readonly Meter _meter;

    /// <summary>Creates the decorator from the application's options and meter factory.</summary>
    public RouteCacheDecorator(IOptions<RouteCacheOptions> options, IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(meterFactory);
        _options = options.Value;
        _meter = meterFactory.Create(PulyaMeter.Name);
    }

    /// <inheritdoc />
    public IRouter Decorate(IRouter inner)
    {
        ArgumentNullException.ThrowIfNull(inner);
        if (!_options.Enabled)
        {
            return inner;
        }

        var router = new CachedRouter(inner, _options.Capacity, _options.CacheMethodNotAllowed, _options.Admission);
        var cache = router.Cache;
        _meter.CreateObservableCounter("pulya.route_cache.hits", () => cache.Hits, "{match}", "Route matches answered from the route cache.");
        _meter.CreateObservableCounter("pulya.route_cache.misses", () => cache.Misses, "{match}", "Route matches the route cache had to ask the router for.");
        _meter.CreateObservableCounter("pulya.route_cache.evictions", () => cache.Evictions, "{entry}", "Entries evicted from the route cache to stay within its capacity.");
        _meter.CreateObservableUpDownCounter("pulya.route_cache.count", () => cache.Count, "{entry}", "Entries in the route cache.");
        return router;
    }
}
