namespace Pulya.Routing.Trie;

/// <summary>
/// Where templates of one shape end in the trie: one route per method (the route table refuses a second route of the same
/// method and shape), the method mask of those routes and their precomputed <see cref="AllowedMethods"/>.
/// </summary>
internal sealed class RouteLeaf
{
    private string[] _methods = [];
    private RouteEntry[] _entries = [];

    /// <summary>One bit per method of the table (see <see cref="TrieRouter"/>'s method index).</summary>
    public ulong MethodMask { get; private set; }

    /// <summary>The methods of this leaf, for a 405 when only this leaf matched the path.</summary>
    public AllowedMethods Allowed { get; private set; } = null!;

    public RouteEntry? Find(string method)
    {
        var methods = _methods;
        for (var i = 0; i < methods.Length; i++)
        {
            if (string.Equals(methods[i], method, StringComparison.Ordinal))
            {
                return _entries[i];
            }
        }

        return null;
    }

    /// <summary>Adds a route ending here; the <see cref="RouteTable"/> already refused two of one method and shape.</summary>
    public void Add(RouteEntry entry, int methodBit)
    {
        _methods = [.. _methods, entry.Method];
        _entries = [.. _entries, entry];
        MethodMask |= 1UL << methodBit;
        Allowed = new AllowedMethods(_methods);
    }
}
