using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Pulya;
using Pulya.DependencyInjection;
using Pulya.Pooling;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the pooling module on a <see cref="PulyaBuilder"/>.</summary>
public static class PoolingPulyaBuilderExtensions
{
    /// <summary>
    /// Registers the <c>ObjectPool</c> pool provider (<see cref="ObjectPoolRequestPoolProvider"/>) and the <c>PerConnection</c>
    /// pool provider (<see cref="PerConnectionRequestPoolProvider"/>, selected by <c>Pulya:PoolProvider=PerConnection</c>), and binds
    /// <see cref="PoolingOptions"/> to <c>Pulya:Pooling</c>. Pooling is used when <c>Pulya:Pooling:Enabled</c> is true
    /// (it then selects <c>ObjectPool</c> as <c>Pulya:PoolProvider</c> unless another provider was named there; defaults to false, so the <c>None</c> provider stays
    /// the default); the bound is <c>Pulya:Pooling:MaximumRetained</c> (defaults to 1024, at least 1). The pool counters
    /// are published on the meter <c>Pulya</c>.
    /// </summary>
    /// <param name="builder">The builder returned by <c>AddPulya()</c>.</param>
    /// <param name="configure">Changes the pooling options after configuration is bound, e.g. <c>o =&gt; o.Enabled = true</c>; optional.</param>
    public static PulyaBuilder AddPooling(this PulyaBuilder builder, Action<PoolingOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddModuleOptions<PoolingOptions>(PoolingOptions.SectionName, static (c, o) => c.Bind(o));
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PoolingOptions>, PoolingOptionsValidator>());
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IPostConfigureOptions<PulyaOptions>, PoolProviderSelection>());
        if (configure is not null)
        {
            builder.Services.Configure(configure);
        }

        builder.Services.AddMetrics();
        return builder
            .AddPoolProvider<ObjectPoolRequestPoolProvider>(ObjectPoolRequestPoolProvider.Name)
            .AddPoolProvider<PerConnectionRequestPoolProvider>(PerConnectionRequestPoolProvider.Name);
    }
}
