namespace Pulya.Routing.Trie;

/// <summary>
/// Where templates of one shape end in the trie: one route per method (a second route of the same method and shape is a
/// conflict), the method mask of those routes and their precomputed <see cref="AllowedMethods"/>.
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

    /// <exception cref="RouteConflictException">A route of the same method already ends here.</exception>
    public void Add(RouteEntry entry, int methodBit)
    {
        if (Find(entry.Method) is { } existing)
        {
            throw new RouteConflictException(
                $"The routes '{existing}' and '{entry}' can never be told apart: same method and same shape " +
                "(only parameter names differ). Remove one of them or change its shape.");
        }

        _methods = [.. _methods, entry.Method];
        _entries = [.. _entries, entry];
        MethodMask |= 1UL << methodBit;
        Allowed = new AllowedMethods(_methods);
    }
}
