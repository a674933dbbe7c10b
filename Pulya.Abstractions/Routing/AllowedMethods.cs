using System.Collections.ObjectModel;

namespace Pulya.Routing;

/// <summary>
/// The methods a path accepts, for a 405 answer. Routers build one per distinct set at start-up and hand
/// out the same instance on every match, so a 405 costs no allocation.
/// </summary>
public sealed class AllowedMethods : IEquatable<AllowedMethods>
{
    /// <summary>Creates the set; duplicates are removed and methods are sorted ordinally.</summary>
    public AllowedMethods(IEnumerable<string> methods)
    {
        ArgumentNullException.ThrowIfNull(methods);
        var sorted = methods.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        if (sorted.Length == 0)
        {
            throw new ArgumentException("At least one method is required.", nameof(methods));
        }

        Methods = new ReadOnlyCollection<string>(sorted);
        HeaderValue = string.Join(", ", sorted);
    }

    /// <summary>The methods, sorted ordinally.</summary>
    public IReadOnlyList<string> Methods { get; }

    /// <summary>The value of the <c>Allow</c> header, e.g. <c>GET, HEAD</c>.</summary>
    public string HeaderValue { get; }

    /// <inheritdoc />
    public bool Equals(AllowedMethods? other) => other is not null && string.Equals(HeaderValue, other.HeaderValue, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as AllowedMethods);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(HeaderValue);

    /// <inheritdoc />
    public override string ToString() => HeaderValue;
}
