namespace Pulya.Routing.Cached;

/// <summary>When a (method, path) that the router found is admitted into the route cache (<c>Pulya:RouteCache:Admission</c>).</summary>
public enum RouteCacheAdmission
{
    /// <summary>
    /// The default: a key is cached on its second miss within a recent window, so a path seen only once (a scan of
    /// unique ids) costs one hash lookup on top of the router and never allocates, locks or evicts.
    /// </summary>
    SecondMiss,

    /// <summary>A key is cached on its first miss, so a path requested exactly twice is answered once from the cache; every unique path then pays an insert and an eviction.</summary>
    FirstMiss,
}
