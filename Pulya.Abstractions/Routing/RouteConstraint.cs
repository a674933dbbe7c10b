namespace Pulya.Routing;

/// <summary>
/// The inline constraints of one route parameter, as ASP.NET Core writes them after the name and separated by <c>:</c>
/// (<c>{id:int:min(1)}</c>): a segment matches when it satisfies every one. Parsed and validated once, when the route
/// is registered; matching reads the span without allocating (except <c>regex</c>, which runs the compiled pattern).
/// Every router uses this one implementation, so they all agree on what matches.
/// </summary>
/// <remarks>
/// <para>Types: <c>int</c>, <c>long</c>, <c>guid</c>, <c>bool</c>, <c>decimal</c>, <c>double</c>, <c>float</c>,
/// <c>datetime</c> (invariant culture, with the same number rules as the binders: optional leading sign, digits, one
/// <c>.</c> and an exponent; no group separators or whitespace). Values: <c>min(n)</c>, <c>max(n)</c>,
/// <c>range(min,max)</c> (a 64-bit integer within the bounds). Text: <c>alpha</c> (ASCII letters only),
/// <c>length(n)</c>, <c>length(min,max)</c>, <c>minlength(n)</c>, <c>maxlength(n)</c>, and <c>regex(pattern)</c>
/// (case-insensitive, not anchored unless the pattern says so, at most one second per segment: a segment that takes
/// longer does not match). Names are case-insensitive. In a template, a <c>{</c> or <c>}</c> of a pattern is doubled
/// (<c>regex(^\d{{3}}$)</c>), and a pattern cannot contain <c>/</c>.</para>
/// </remarks>
public sealed class RouteConstraint : IEquatable<RouteConstraint>
{
    private readonly RouteConstraintRule[] _rules;

    private RouteConstraint(RouteConstraintRule[] rules)
    {
        _rules = rules;
        Text = string.Join(':', rules.Select(r => r.Text));
    }

    /// <summary>No constraint: any non-empty segment matches.</summary>
    public static RouteConstraint None { get; } = new([]);

    /// <summary>The constraints as a template writes them after the parameter name, names in lower case (<c>int:min(1)</c>); empty for <see cref="None"/>.</summary>
    public string Text { get; }

    /// <summary>Whether there is no constraint.</summary>
    public bool IsNone => _rules.Length == 0;

    /// <summary>Parses the constraints of a parameter, the text after its name and first <c>:</c> (<c>int:min(1)</c>).</summary>
    /// <exception cref="FormatException">An unknown constraint, a missing, extra or invalid argument; the message says which.</exception>
    public static RouteConstraint Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var rules = new List<RouteConstraintRule>();
        var position = 0;
        do
        {
            var end = position;
            while (end < text.Length && text[end] != ':' && text[end] != '(')
            {
                end++;
            }

            var name = text[position..end];
            if (name.Length == 0)
            {
                throw new FormatException("a parameter has an empty constraint (a ':' with nothing after it).");
            }

            string? argument = null;
            if (end < text.Length && text[end] == '(')
            {
                // The argument runs to the ')' that ends the text or precedes the next ':' (as in ASP.NET Core): a pattern may hold ')' and ':', not "):".
                var close = end + 1;
                while (close < text.Length && !(text[close] == ')' && (close == text.Length - 1 || text[close + 1] == ':')))
                {
                    close++;
                }

                if (close == text.Length)
                {
                    throw new FormatException($"the constraint '{text[position..]}' has no closing ')'.");
                }

                argument = text[(end + 1)..close];
                end = close + 1;
            }

            rules.Add(RouteConstraintRule.Parse(name, argument));
            position = end + 1;
        }
        while (position <= text.Length);

        return new RouteConstraint([.. rules]);
    }

    /// <summary>Whether <paramref name="segment"/> satisfies every constraint; always true for <see cref="None"/>.</summary>
    /// <param name="segment">The path segment, as the server delivered it.</param>
    public bool IsMatch(ReadOnlySpan<char> segment)
    {
        foreach (var rule in _rules)
        {
            if (!rule.IsMatch(segment))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The order among constrained parameters that ASP.NET Core ranks equal: constraint by constraint, in the order
    /// <c>int</c>, <c>long</c>, <c>guid</c>, <c>bool</c>, <c>decimal</c>, <c>double</c>, <c>float</c>, <c>datetime</c>,
    /// <c>alpha</c>, <c>min</c>, <c>max</c>, <c>range</c>, <c>length</c>, <c>minlength</c>, <c>maxlength</c>,
    /// <c>regex</c>, then by argument text (ordinal); when one list starts with the other, the longer (more restricted)
    /// comes first. Negative when <paramref name="x"/> is tried first, zero only for equal constraints.
    /// </summary>
    public static int Compare(RouteConstraint x, RouteConstraint y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        var common = Math.Min(x._rules.Length, y._rules.Length);
        for (var i = 0; i < common; i++)
        {
            var order = x._rules[i].Kind.CompareTo(y._rules[i].Kind);
            if (order == 0)
            {
                order = string.CompareOrdinal(x._rules[i].Argument, y._rules[i].Argument);
            }

            if (order != 0)
            {
                return order;
            }
        }

        return y._rules.Length.CompareTo(x._rules.Length);
    }

    /// <inheritdoc />
    public bool Equals(RouteConstraint? other) => other is not null && string.Equals(Text, other.Text, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as RouteConstraint);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Text);

    /// <inheritdoc />
    public override string ToString() => Text;
}
