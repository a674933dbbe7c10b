using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Pulya;
using Pulya.Binding;
using Pulya.DependencyInjection;
using Pulya.Hosting;
using Pulya.Pooling;
using Pulya.Routing;
using Pulya.Serialization;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Pulya framework in a service collection.</summary>
public static class PulyaServiceCollectionExtensions
{
    /// <summary>
    /// Registers the core and its baseline modules (router <c>Linear</c>, serializer <c>SystemTextJson</c>, pool provider
    /// <c>None</c>, binders <c>Compiled</c> and <c>Generated</c>), binds <see cref="PulyaOptions"/> to <paramref name="configuration"/> (the <c>Pulya</c> section) and
    /// validates them at start-up; an invalid value stops the start-up with a message naming its configuration key.
    /// Calling it again returns a builder over the same registrations.
    /// </summary>
    public static PulyaBuilder AddPulya(this IServiceCollection services, IConfiguration? configuration = null, Action<PulyaOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        configuration ??= new ConfigurationBuilder().Build();
        var builder = new PulyaBuilder(services, configuration);

        if (!services.Any(d => d.ServiceType == typeof(PulyaMarker)))
        {
            services.AddSingleton<PulyaMarker>();
            services.AddSingleton(new PulyaConfiguration(configuration));
            services.AddOptions<PulyaOptions>().Configure(o => OptionsBinding.Bind(configuration, o, static (c, t) => c.Bind(t))).ValidateOnStart();
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PulyaOptions>, PulyaOptionsValidator>());
            services.AddLogging();
            builder.AddRouter<LinearRouterFactory>(LinearRouterFactory.Name)
                .AddSerializer<SystemTextJsonSerializer>(SystemTextJsonSerializer.Name)
                .AddPoolProvider<NoPoolProvider>(NoPoolProvider.Name)
                .AddBinder<CompiledEndpointBinder>(CompiledEndpointBinder.Name)
                .AddBinder<GeneratedEndpointBinder>(GeneratedEndpointBinder.Name);
            services.TryAddSingleton<PulyaModules>();
        }

        if (configure is not null)
        {
            services.Configure(configure);
        }

        return builder;
    }

    private sealed class PulyaMarker;
}
