using Pulya.DependencyInjection;
using Pulya.Routing.Trie;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the <c>Trie</c> router on the Pulya builder.</summary>
public static class TriePulyaBuilderExtensions
{
    /// <summary>
    /// Registers the trie router under the name <c>Trie</c>; select it with <c>Pulya:Router=Trie</c>.
    /// Registering it does not select it: the default router stays <c>Linear</c>.
    /// </summary>
    public static PulyaBuilder AddTrieRouter(this PulyaBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddRouter<TrieRouterFactory>(TrieRouterFactory.Name);
    }
}
