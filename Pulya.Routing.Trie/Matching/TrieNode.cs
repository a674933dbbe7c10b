namespace Pulya.Routing.Trie;

/// <summary>
/// One segment position of the trie. Children are tried in priority order: the literal child equal to the segment,
/// then typed parameters (in <see cref="RouteConstraint.Compare"/> order) whose constraints hold, then the untyped parameter,
/// then the catch-all. Mutable while the router is built, frozen (arrays and a read-only dictionary) before first use.
/// </summary>
internal sealed class TrieNode
{
    /// <summary>Up to this many literal children are compared one by one; more go through a hash lookup.</summary>
    internal const int LinearLiteralLimit = 4;

    private static readonly TrieNode[] NoNodes = [];
    private Dictionary<string, TrieNode>? _literalBuild;
    // A list sorted when frozen rather than a sorted dictionary: that one's tree is generic code over a key-value pair (a
    // value type) that the framework's precompiled code does not contain, compiled by the JIT at every start-up.
    private List<TrieNode>? _typedBuild;
    private string[] _literalKeys = [];
    private TrieNode[] _literalNodes = NoNodes;
    private Dictionary<string, TrieNode>.AlternateLookup<ReadOnlySpan<char>> _literalLookup;
    private bool _hashLiterals;

    public TrieNode(RouteConstraint? constraint = null) => Constraint = constraint ?? RouteConstraint.None;

    /// <summary>The constraint of a typed parameter node; <see cref="RouteConstraint.None"/> otherwise.</summary>
    public RouteConstraint Constraint { get; }

    /// <summary>Typed parameter children, in <see cref="RouteConstraint.Compare"/> order.</summary>
    public TrieNode[] Typed { get; private set; } = NoNodes;

    /// <summary>The untyped parameter child.</summary>
    public TrieNode? Parameter { get; private set; }

    /// <summary>Routes whose last segment is a catch-all at this position.</summary>
    public RouteLeaf? CatchAll { get; private set; }

    /// <summary>Routes whose template ends here.</summary>
    public RouteLeaf? End { get; private set; }

    public TrieNode AddLiteral(string literal)
    {
        var build = _literalBuild ??= new Dictionary<string, TrieNode>(StringComparer.Ordinal);
        if (!build.TryGetValue(literal, out var child))
        {
            child = new TrieNode();
            build.Add(literal, child);
        }

        return child;
    }

    public TrieNode AddParameter(RouteConstraint constraint)
    {
        if (constraint.IsNone)
        {
            return Parameter ??= new TrieNode();
        }

        var build = _typedBuild ??= [];
        foreach (var typed in build)
        {
            if (RouteConstraint.Compare(typed.Constraint, constraint) == 0)
            {
                return typed;
            }
        }

        var child = new TrieNode(constraint);
        build.Add(child);
        return child;
    }

    public RouteLeaf AddCatchAll() => CatchAll ??= new RouteLeaf();

    public RouteLeaf AddEnd() => End ??= new RouteLeaf();

    /// <summary>Turns the build-time collections into the arrays the match path reads; returns the number of nodes frozen.</summary>
    public int Freeze()
    {
        var count = 1;
        if (_literalBuild is { } literals)
        {
            _literalKeys = [.. literals.Keys];
            _literalNodes = [.. literals.Values];
            _hashLiterals = literals.Count > LinearLiteralLimit;
            if (_hashLiterals)
            {
                _literalLookup = literals.GetAlternateLookup<ReadOnlySpan<char>>();
            }
        }

        if (_typedBuild is { } typed)
        {
            typed.Sort(static (a, b) => RouteConstraint.Compare(a.Constraint, b.Constraint));
            Typed = [.. typed];
        }

        _literalBuild = null;
        _typedBuild = null;
        foreach (var child in _literalNodes)
        {
            count += child.Freeze();
        }

        foreach (var child in Typed)
        {
            count += child.Freeze();
        }

        if (Parameter is not null)
        {
            count += Parameter.Freeze();
        }

        return count;
    }

    /// <summary>The literal child equal to <paramref name="segment"/> (ordinal), or null.</summary>
    public TrieNode? FindLiteral(ReadOnlySpan<char> segment)
    {
        if (_hashLiterals)
        {
            return _literalLookup.TryGetValue(segment, out var node) ? node : null;
        }

        var keys = _literalKeys;
        for (var i = 0; i < keys.Length; i++)
        {
            if (segment.SequenceEqual(keys[i]))
            {
                return _literalNodes[i];
            }
        }

        return null;
    }
}
