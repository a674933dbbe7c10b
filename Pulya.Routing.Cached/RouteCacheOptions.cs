namespace Pulya.Routing.Cached;

/// <summary>Options of the route cache, section <c>Pulya:RouteCache</c>, validated at start-up by <see cref="RouteCacheOptionsValidator"/>.</summary>
public sealed class RouteCacheOptions
{
    /// <summary>The configuration section, under <c>Pulya</c>.</summary>
    public const string SectionName = "RouteCache";

    /// <summary>Whether the selected router is wrapped in the cache. Requires <c>AddRouteCache()</c>. Defaults to false.</summary>
    public bool Enabled { get; set; }

    /// <summary>The most (method, path) entries kept, at least 1; least recently used ones are evicted. Defaults to 1000.</summary>
    public int Capacity { get; set; } = 1000;

    /// <summary>Whether 405 results are cached too (found matches always are, 404s never). Defaults to false.</summary>
    public bool CacheMethodNotAllowed { get; set; }

    /// <summary>
    /// When a key is cached: <see cref="RouteCacheAdmission.SecondMiss"/> (the default; a path seen once is never
    /// inserted) or <see cref="RouteCacheAdmission.FirstMiss"/>. Defaults to <see cref="RouteCacheAdmission.SecondMiss"/>.
    /// </summary>
    public RouteCacheAdmission Admission { get; set; }
}
