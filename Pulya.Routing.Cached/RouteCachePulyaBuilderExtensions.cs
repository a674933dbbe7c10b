using Pulya.DependencyInjection;
using Pulya.Routing;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the route cache on the Pulya builder.</summary>
public static class RouteCachePulyaBuilderExtensions
{
    /// <summary>
    /// Registers the route cache decorator. It stays off until <c>Pulya:RouteCache:Enabled</c> is true; then it wraps
    /// whichever router is selected. <c>Pulya:RouteCache:Capacity</c> (default 1000) must be greater than 0: a smaller value fails the start-up when the options are bound.
    /// </summary>
    public static PulyaBuilder AddRouteCache(this PulyaBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddMetrics();
        return builder.AddRouterDecorator<RouteCacheDecorator>("RouteCache");
    }
}
