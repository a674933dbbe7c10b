namespace Pulya.Routing.Cached;

/// <summary>
/// The cache key: the request method and the exact path, compared ordinally (string hashing is randomized per process).
/// The hash is computed once, when the key is made, and serves both the cache lookup and the admission filter; the key
/// is a struct over the request's own strings, so making one allocates nothing.
/// </summary>
internal readonly struct RouteCacheKey : IEquatable<RouteCacheKey>
{
    private readonly int _hash;

    public RouteCacheKey(string method, string path)
    {
        Method = method;
        Path = path;
        _hash = HashCode.Combine(path.GetHashCode(StringComparison.Ordinal), method.GetHashCode(StringComparison.Ordinal));
    }

    public string Method { get; }

    public string Path { get; }

    public bool Equals(RouteCacheKey other) =>
        _hash == other._hash && string.Equals(Path, other.Path, StringComparison.Ordinal) && string.Equals(Method, other.Method, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is RouteCacheKey other && Equals(other);

    public override int GetHashCode() => _hash;
}
