namespace Pulya.Routing.Cached;

/// <summary>
/// Remembers the results of an inner router per (method, exact path) in a <see cref="ClockCache"/> (bounded, strictly;
/// lock-free reads; hits, misses and evictions counted). Found matches are cached, 404s never (a flood of unknown
/// paths cannot evict the hot routes), 405s only when asked. With <see cref="RouteCacheAdmission.SecondMiss"/> a
/// <see cref="Doorkeeper"/> admits a key only on its second miss, so a path seen once is never inserted.
/// </summary>
internal sealed class CachedRouter : IRouter
{
    private readonly IRouter _inner;
    private readonly bool _cacheMethodNotAllowed;
    private readonly Doorkeeper? _doorkeeper;

    public CachedRouter(IRouter inner, int capacity, bool cacheMethodNotAllowed, RouteCacheAdmission admission)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        _inner = inner;
        _cacheMethodNotAllowed = cacheMethodNotAllowed;
        _doorkeeper = admission switch
        {
            RouteCacheAdmission.SecondMiss => new Doorkeeper(capacity),
            RouteCacheAdmission.FirstMiss => null,
            _ => throw new ArgumentOutOfRangeException(nameof(admission), admission, "Unknown admission policy."),
        };
        Cache = new ClockCache(capacity);
    }

    /// <inheritdoc />
    public RouteTable Table => _inner.Table;

    /// <summary>The router whose results are cached.</summary>
    public IRouter Inner => _inner;

    /// <summary>The cache (for its metrics and, in tests, its contents).</summary>
    internal ClockCache Cache { get; }

    /// <summary>The admission filter, or null when every first miss is admitted.</summary>
    internal Doorkeeper? Doorkeeper => _doorkeeper;

    /// <inheritdoc />
    public RouteMatch Match(string method, string path, Span<Range> values)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(path);
        var key = new RouteCacheKey(method, path);
        if (Cache.TryGet(key, out var cached))
        {
            return cached.CopyTo(values);
        }

        var match = _inner.Match(method, path, values);
        switch (match.Kind)
        {
            case RouteMatchKind.Found when Admit(key):
                Cache.Add(key, new CachedMatch(match, values[..match.Route!.Template.ParameterNames.Count].ToArray()));
                break;
            case RouteMatchKind.MethodNotAllowed when _cacheMethodNotAllowed && Admit(key):
                Cache.Add(key, new CachedMatch(match, []));
                break;
        }

        return match;
    }

    private bool Admit(RouteCacheKey key) => _doorkeeper is null || _doorkeeper.SeenBefore(key.GetHashCode());
}
