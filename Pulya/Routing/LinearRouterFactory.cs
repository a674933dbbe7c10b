using Pulya.Routing;

namespace Pulya.Routing;

/// <summary>Builds the <c>Linear</c> router: the baseline every other router is measured and checked against.</summary>
public sealed class LinearRouterFactory : IRouterFactory
{
    /// <summary>The name the router is registered and selected under.</summary>
    public const string Name = "Linear";

    /// <inheritdoc />
    public IRouter Create(RouteTable table) => new LinearRouter(table);
}
