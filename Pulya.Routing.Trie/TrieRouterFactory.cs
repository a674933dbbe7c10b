namespace Pulya.Routing.Trie;

/// <summary>
/// Builds the <c>Trie</c> router: static routes answered by one hash lookup on the whole path, dynamic routes by a walk
/// of a segment trie (literal, then typed parameter, then untyped parameter, then catch-all, with backtracking).
/// Building costs one pass over the table; refuses routes of the same method that can never be told apart.
/// </summary>
public sealed class TrieRouterFactory : IRouterFactory
{
    /// <summary>The name the router is registered and selected under (<c>Pulya:Router=Trie</c>).</summary>
    public const string Name = "Trie";

    /// <inheritdoc />
    /// <exception cref="RouteConflictException">Two routes of the same method have the same shape (the message names both), or the table uses more than 64 distinct methods.</exception>
    public IRouter Create(RouteTable table) => TrieRouter.Build(table);
}
