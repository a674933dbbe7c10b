using System.Collections.Concurrent;
using System.Numerics;

namespace Pulya.Routing.Trie;

/// <summary>
/// The trie router. Static templates are answered by one hash lookup on the whole path; every template (static ones
/// too) also sits in a trie of segments walked depth-first in priority order (literal, typed parameters, untyped
/// parameter, catch-all) with backtracking; where several typed parameters match one segment, every one of them is
/// walked and <see cref="RoutePrecedence"/> picks the winner, so the answer is the one every router gives. Immutable after <see cref="Build"/>; matching takes no lock and allocates
/// nothing (a 405 whose allowed methods combine several templates allocates its <see cref="AllowedMethods"/> once,
/// the first time that combination occurs).
/// </summary>
internal sealed class TrieRouter : IRouter
{
    /// <summary>Method masks are 64-bit.</summary>
    internal const int MaxMethods = 64;

    private static readonly RouteSegment[] RootSegments = [.. RouteTemplate.Parse("/a/").Segments.Skip(1)];

    private readonly TrieNode _root;
    private readonly Dictionary<string, RouteLeaf> _static;
    private readonly string[] _methodNames;
    // Keyed by the mask as a long: Kestrel's connection table is a ConcurrentDictionary<long, …> too, so the JIT compiles
    // that instantiation's code once for both (an ulong key would be compiled again at every start-up).
    private readonly ConcurrentDictionary<long, AllowedMethods> _unions;

    private TrieRouter(RouteTable table, TrieNode root, Dictionary<string, RouteLeaf> statics, string[] methodNames, ConcurrentDictionary<long, AllowedMethods> unions, int nodeCount)
    {
        Table = table;
        _root = root;
        _static = statics;
        _methodNames = methodNames;
        _unions = unions;
        NodeCount = nodeCount;
    }

    /// <inheritdoc />
    public RouteTable Table { get; }

    /// <summary>The number of trie nodes (the root included): an upper bound on the nodes one match visits.</summary>
    internal int NodeCount { get; }

    /// <summary>The number of distinct allowed-method sets known so far (one per leaf method set, plus unions seen).</summary>
    internal int AllowedSetCount => _unions.Count;

    /// <exception cref="RouteConflictException">Two routes of the same method have the same shape, or more than 64 distinct methods.</exception>
    public static TrieRouter Build(RouteTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var root = new TrieNode();
        var statics = new Dictionary<string, RouteLeaf>(StringComparer.Ordinal);
        var methodBits = new Dictionary<string, int>(StringComparer.Ordinal);
        var leaves = new HashSet<RouteLeaf>(ReferenceEqualityComparer.Instance);
        foreach (var entry in table.Routes)
        {
            if (!methodBits.TryGetValue(entry.Method, out var bit))
            {
                bit = methodBits.Count;
                if (bit == MaxMethods)
                {
                    throw new RouteConflictException($"The route '{entry}' uses a {MaxMethods + 1}th distinct HTTP method; the Trie router supports at most {MaxMethods}.");
                }

                methodBits.Add(entry.Method, bit);
            }

            var leaf = Insert(root, entry.Template);
            leaf.Add(entry, bit);
            leaves.Add(leaf);
            if (entry.Template.IsStatic)
            {
                statics[entry.Template.Text] = leaf;
            }
        }

        var nodeCount = root.Freeze();
        var methodNames = new string[methodBits.Count];
        foreach (var (method, bit) in methodBits)
        {
            methodNames[bit] = method;
        }

        // One AllowedMethods per distinct method set, built once the table is complete and shared by its leaves.
        var unions = new ConcurrentDictionary<long, AllowedMethods>();
        foreach (var leaf in leaves)
        {
            leaf.Allowed = unions.GetOrAdd(unchecked((long)leaf.MethodMask), CreateAllowed, methodNames);
        }

        return new TrieRouter(table, root, statics, methodNames, unions, nodeCount);
    }

    /// <inheritdoc />
    public RouteMatch Match(string method, string path, Span<Range> values)
    {
        var counter = default(NoStepCounter);
        return Match(method, path, values, ref counter);
    }

    /// <summary>Matches and counts the work done in <paramref name="counter"/>.</summary>
    internal RouteMatch Match<TCounter>(string method, string path, Span<Range> values, ref TCounter counter)
        where TCounter : struct, IStepCounter
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(path);
        if (path.Length == 0 || path[0] != '/')
        {
            return RouteMatch.NotFound;
        }

        counter.Visit();
        counter.Scan(path.Length);
        if (_static.TryGetValue(path, out var staticLeaf) && staticLeaf.Find(method) is { } staticRoute)
        {
            return RouteMatch.Found(staticRoute);
        }

        var allowed = default(AllowedCollector);
        var found = Walk(_root, path, 1, 0, method, values, ref allowed, ref counter);
        if (found is not null)
        {
            return RouteMatch.Found(found);
        }

        if (allowed.First is null)
        {
            return RouteMatch.NotFound;
        }

        return RouteMatch.MethodNotAllowed(allowed.Mask == allowed.First.MethodMask ? allowed.First.Allowed : Union(allowed.Mask));
    }

    private static TrieNode InsertPath(TrieNode root, IReadOnlyList<RouteSegment> segments, int count)
    {
        var node = root;
        for (var i = 0; i < count; i++)
        {
            var segment = segments[i];
            node = segment.Kind == RouteSegmentKind.Literal ? node.AddLiteral(segment.Value) : node.AddParameter(segment.Constraint);
        }

        return node;
    }

    private static RouteLeaf Insert(TrieNode root, RouteTemplate template)
    {
        // The root template "/" is one empty segment, like the trailing slash of "/a/": the path "/" has one empty segment.
        var segments = template.Segments.Count == 0 ? RootSegments : template.Segments;
        if (template.HasCatchAll)
        {
            return InsertPath(root, segments, segments.Count - 1).AddCatchAll();
        }

        return InsertPath(root, segments, segments.Count).AddEnd();
    }

    /// <summary>
    /// Depth-first walk from <paramref name="node"/>, whose next path segment starts at <paramref name="position"/>
    /// (<c>path.Length + 1</c> when the path is used up). Returns the first route of <paramref name="method"/> in priority
    /// order; parameter ranges are written on the way back up, so only the winning branch writes them.
    /// </summary>
    private static RouteEntry? Walk<TCounter>(TrieNode node, string path, int position, int parameter, string method, Span<Range> values, ref AllowedCollector allowed, ref TCounter counter)
        where TCounter : struct, IStepCounter
    {
        counter.Visit();
        RouteEntry? found;
        if (position > path.Length)
        {
            if (node.End is { } end)
            {
                if ((found = end.Find(method)) is not null)
                {
                    return found;
                }

                allowed.Add(end);
            }

            // "/files/{*rest}" also matches "/files": the rest is empty and starts at the end of the path.
            return MatchCatchAll(node, path, path.Length, parameter, method, values, ref allowed);
        }

        var slash = path.IndexOf('/', position);
        var segmentEnd = slash < 0 ? path.Length : slash;
        counter.Scan(segmentEnd - position + 1);
        var segment = path.AsSpan(position, segmentEnd - position);
        var next = segmentEnd + 1;
        if (node.FindLiteral(segment) is { } literal
            && (found = Walk(literal, path, next, parameter, method, values, ref allowed, ref counter)) is not null)
        {
            return found;
        }

        if (segment.Length > 0)
        {
            // Typed parameters rank equal at this segment (int and long may both match it): the best route found under any
            // of them wins, by RoutePrecedence over the whole template, as ASP.NET Core ranks them.
            RouteEntry? best = null;
            foreach (var typed in node.Typed)
            {
                if (!typed.Constraint.IsMatch(segment))
                {
                    continue;
                }

                if (best is not null)
                {
                    best = WalkAlternative(typed, best, path, next, parameter + 1, method, values, ref allowed, ref counter);
                }
                else if ((best = Walk(typed, path, next, parameter + 1, method, values, ref allowed, ref counter)) is not null)
                {
                    values[parameter] = new Range(position, segmentEnd);
                }
            }

            if (best is not null)
            {
                return best;
            }

            if (node.Parameter is { } untyped
                && (found = Walk(untyped, path, next, parameter + 1, method, values, ref allowed, ref counter)) is not null)
            {
                values[parameter] = new Range(position, segmentEnd);
                return found;
            }
        }

        return MatchCatchAll(node, path, position, parameter, method, values, ref allowed);
    }

    /// <summary>
    /// Walks another typed branch after <paramref name="best"/> was found under an earlier one, into scratch values so the
    /// winner's values survive; returns the better of the two (the earlier one on a tie). Each node is still visited once.
    /// </summary>
    private static RouteEntry WalkAlternative<TCounter>(TrieNode typed, RouteEntry best, string path, int next, int parameter, string method, Span<Range> values, ref AllowedCollector allowed, ref TCounter counter)
        where TCounter : struct, IStepCounter
    {
        Span<Range> scratch = stackalloc Range[values.Length];
        var found = Walk(typed, path, next, parameter, method, scratch, ref allowed, ref counter);
        if (found is null || RoutePrecedence.Compare(found.Template, best.Template) >= 0)
        {
            return best;
        }

        scratch[parameter..].CopyTo(values[parameter..]);
        return found;
    }

    private static RouteEntry? MatchCatchAll(TrieNode node, string path, int start, int parameter, string method, Span<Range> values, ref AllowedCollector allowed)
    {
        if (node.CatchAll is not { } rest)
        {
            return null;
        }

        if (rest.Find(method) is { } found)
        {
            values[parameter] = new Range(start, path.Length);
            return found;
        }

        allowed.Add(rest);
        return null;
    }

    private AllowedMethods Union(ulong mask) => _unions.GetOrAdd(unchecked((long)mask), CreateAllowed, _methodNames);

    private static AllowedMethods CreateAllowed(long mask, string[] names)
    {
        var bits = unchecked((ulong)mask);
        var methods = new List<string>(BitOperations.PopCount(bits));
        for (var bit = 0; bit < names.Length; bit++)
        {
            if ((bits & (1UL << bit)) != 0)
            {
                methods.Add(names[bit]);
            }
        }

        return new AllowedMethods(methods);
    }

    /// <summary>The leaves that matched the path without the request's method, as a method mask.</summary>
    private struct AllowedCollector
    {
        public RouteLeaf? First;
        public ulong Mask;

        public void Add(RouteLeaf leaf)
        {
            First ??= leaf;
            Mask |= leaf.MethodMask;
        }
    }
}
