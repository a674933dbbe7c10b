namespace Pulya.Routing;

/// <summary>One segment of a parsed <see cref="RouteTemplate"/>: a literal, a parameter or a catch-all.</summary>
public sealed class RouteSegment : IEquatable<RouteSegment>
{
    internal RouteSegment(RouteSegmentKind kind, string value, RouteConstraint constraint)
    {
        Kind = kind;
        Value = value;
        Constraint = constraint;
    }

    /// <summary>What the segment matches.</summary>
    public RouteSegmentKind Kind { get; }

    /// <summary>The literal text for <see cref="RouteSegmentKind.Literal"/>, otherwise the parameter name.</summary>
    public string Value { get; }

    /// <summary>The parameter's constraints; <see cref="RouteConstraint.None"/> for literals, catch-alls and parameters without any.</summary>
    public RouteConstraint Constraint { get; }

    /// <summary>Whether this segment binds a parameter (a <see cref="RouteSegmentKind.Parameter"/> or a <see cref="RouteSegmentKind.CatchAll"/>).</summary>
    public bool IsParameter => Kind != RouteSegmentKind.Literal;

    /// <summary>
    /// Whether two segments accept exactly the same path segments (parameter names are ignored):
    /// the test routers use to find routes that can never be told apart.
    /// </summary>
    public bool HasSameShape(RouteSegment other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Kind == other.Kind && Constraint.Equals(other.Constraint)
            && (Kind != RouteSegmentKind.Literal || string.Equals(Value, other.Value, StringComparison.Ordinal));
    }

    /// <inheritdoc />
    public bool Equals(RouteSegment? other) =>
        other is not null && Kind == other.Kind && Constraint.Equals(other.Constraint) && string.Equals(Value, other.Value, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as RouteSegment);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Kind, Constraint, StringComparer.Ordinal.GetHashCode(Value));

    /// <inheritdoc />
    public override string ToString() => Kind switch
    {
        RouteSegmentKind.Literal => Value,
        RouteSegmentKind.CatchAll => "{*" + Value + "}",
        _ when Constraint.IsNone => "{" + Value + "}",
        _ => "{" + Value + ":" + Constraint.Text.Replace("{", "{{", StringComparison.Ordinal).Replace("}", "}}", StringComparison.Ordinal) + "}",
    };
}
