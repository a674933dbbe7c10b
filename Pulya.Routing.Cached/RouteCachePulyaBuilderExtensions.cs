using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Pulya.DependencyInjection;
using Pulya.Routing.Cached;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the route cache on the Pulya builder.</summary>
public static class RouteCachePulyaBuilderExtensions
{
    /// <summary>
    /// Registers the route cache decorator and binds <see cref="RouteCacheOptions"/> to <c>Pulya:RouteCache</c>. It stays
    /// off until <c>Pulya:RouteCache:Enabled</c> is true; then it wraps whichever router is selected.
    /// <c>Pulya:RouteCache:Capacity</c> (default 1000) must be at least 1, or the start-up fails naming the key.
    /// </summary>
    /// <param name="builder">The builder returned by <c>AddPulya()</c>.</param>
    /// <param name="configure">Changes the options after configuration is bound, e.g. <c>o =&gt; o.Enabled = true</c>; optional.</param>
    public static PulyaBuilder AddRouteCache(this PulyaBuilder builder, Action<RouteCacheOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddModuleOptions<RouteCacheOptions>(RouteCacheOptions.SectionName, static (c, o) => c.Bind(o));
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RouteCacheOptions>, RouteCacheOptionsValidator>());
        if (configure is not null)
        {
            builder.Services.Configure(configure);
        }

        builder.Services.AddMetrics();
        return builder.AddRouterDecorator<RouteCacheDecorator>(RouteCacheDecorator.Name);
    }
}
