namespace Pulya.Routing.Cached;

/// <summary>
/// Remembers the results of an inner router per (method, exact path) in a <see cref="ClockCache"/> (bounded, strictly;
/// lock-free reads; hits, misses and evictions counted). Found matches are cached, 404s
/// never (a flood of unknown paths cannot evict the hot routes), 405s only when asked.
/// </summary>
internal sealed class CachedRouter : IRouter
{
    private readonly IRouter _inner;
    private readonly bool _cacheMethodNotAllowed;

    public CachedRouter(IRouter inner, int capacity, bool cacheMethodNotAllowed)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        _inner = inner;
        _cacheMethodNotAllowed = cacheMethodNotAllowed;
        Cache = new ClockCache(capacity);
    }

    /// <inheritdoc />
    public RouteTable Table => _inner.Table;

    /// <summary>The router whose results are cached.</summary>
    public IRouter Inner => _inner;

    /// <summary>The cache (for its metrics and, in tests, its contents).</summary>
    internal ClockCache Cache { get; }

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
            case RouteMatchKind.Found:
                Cache.Add(key, new CachedMatch(match, values[..match.Route!.Template.ParameterNames.Count].ToArray()));
                break;
            case RouteMatchKind.MethodNotAllowed when _cacheMethodNotAllowed:
                Cache.Add(key, new CachedMatch(match, []));
                break;
        }

        return match;
    }
}
