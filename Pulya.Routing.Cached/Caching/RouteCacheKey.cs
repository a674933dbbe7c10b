namespace Pulya.Routing.Cached;

/// <summary>The cache key: the request method and the exact path, compared ordinally (string hashing is randomized per process).</summary>
internal readonly struct RouteCacheKey(string method, string path) : IEquatable<RouteCacheKey>
{
    public string Method { get; } = method;

    public string Path { get; } = path;

    public bool Equals(RouteCacheKey other) =>
        string.Equals(Path, other.Path, StringComparison.Ordinal) && string.Equals(Method, other.Method, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is RouteCacheKey other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(Path.GetHashCode(StringComparison.Ordinal), Method.GetHashCode(StringComparison.Ordinal));
}
