using Microsoft.AspNetCore.Http.Features;

namespace Pulya.Peers.RawKestrel;

/// <summary>
/// The GitHub API route set with the least a hand-written server needs: per method, a tree of path segments where a
/// literal child wins over the parameter child. Every route answers the same small JSON.
/// </summary>
internal sealed class GitHubApplication : RawApplication
{
    private readonly Dictionary<string, Node> _roots = new(StringComparer.Ordinal);

    public GitHubApplication(string file)
    {
        foreach (var raw in File.ReadLines(file))
        {
            var parts = raw.Trim().Split(' ', 2, StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || parts[0].Length == 0 || parts[0][0] == '#')
            {
                continue;
            }

            if (!_roots.TryGetValue(parts[0], out var node))
            {
                _roots[parts[0]] = node = new Node();
            }

            foreach (var segment in parts[1].Split('/', StringSplitOptions.RemoveEmptyEntries))
            {
                node = segment.StartsWith('{')
                    ? node.Parameter ??= new Node()
                    : node.Literals.TryGetValue(segment, out var next) ? next : node.Literals[segment] = new Node();
            }

            node.Terminal = true;
        }
    }

    public override Task ProcessRequestAsync(IFeatureCollection context)
    {
        var request = context.Get<IHttpRequestFeature>()!;
        return _roots.TryGetValue(request.Method, out var root) && Matches(root, request.Path.AsSpan())
            ? WriteJsonAsync(context, Success)
            : WriteAsync(context, 404, "application/json; charset=utf-8", NotFound);
    }

    private static bool Matches(Node node, ReadOnlySpan<char> path)
    {
        path = path.TrimStart('/');
        if (path.IsEmpty)
        {
            return node.Terminal;
        }

        var end = path.IndexOf('/');
        var segment = end < 0 ? path : path[..end];
        var rest = end < 0 ? [] : path[end..];
        var lookup = node.Literals.GetAlternateLookup<ReadOnlySpan<char>>();
        return (lookup.TryGetValue(segment, out var literal) && Matches(literal, rest))
            || (node.Parameter is not null && Matches(node.Parameter, rest));
    }

    private sealed class Node
    {
        public Dictionary<string, Node> Literals { get; } = new(StringComparer.Ordinal);

        public Node? Parameter { get; set; }

        public bool Terminal { get; set; }
    }
}
