namespace Pulya.Routing;

/// <summary>Builds a router from the complete route table. Registered as a keyed service under the router's name (e.g. <c>Linear</c>, <c>Trie</c>).</summary>
public interface IRouterFactory
{
    /// <summary>Builds the router; refuses conflicting tables with a <see cref="RouteConflictException"/>.</summary>
    IRouter Create(RouteTable table);
}
