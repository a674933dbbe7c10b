namespace Pulya;

/// <summary>Options of the route cache, section <c>Pulya:RouteCache</c>.</summary>
public sealed class RouteCacheOptions
{
    private int _capacity = 1000;

    /// <summary>Whether the selected router is wrapped in the cache. Requires <c>AddRouteCache()</c>. Defaults to false.</summary>
    public bool Enabled { get; set; }

    /// <summary>The most (method, path) entries kept; least recently used ones are evicted. Defaults to 1000.</summary>
    public int Capacity
    {
        get => _capacity;
        set
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value);
            _capacity = value;
        }
    }

    /// <summary>Whether 405 results are cached too (found matches always are, 404s never). Defaults to false.</summary>
    public bool CacheMethodNotAllowed { get; set; }
}
