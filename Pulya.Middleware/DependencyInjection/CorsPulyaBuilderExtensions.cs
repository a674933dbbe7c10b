using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Pulya.DependencyInjection;
using Pulya.Middleware;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the CORS policy on the Pulya builder.</summary>
public static class CorsPulyaBuilderExtensions
{
    /// <summary>
    /// Registers the CORS policy: <see cref="CorsPolicy"/> bound to <c>Pulya:Cors</c> (<c>AllowedOrigins</c>,
    /// <c>AllowedMethods</c>, <c>AllowedHeaders</c>, <c>ExposedHeaders</c>, <c>AllowCredentials</c>, <c>MaxAgeSeconds</c>),
    /// then changed by <paramref name="configure"/>, and validated at start-up: an invalid policy (no origin, a value that is
    /// not an origin, <c>*</c> with credentials, a bad method, a negative max age) fails the start-up naming the key.
    /// <c>app.UseCors()</c> then answers CORS with it.
    /// </summary>
    /// <param name="builder">The builder returned by <c>AddPulya()</c>.</param>
    /// <param name="configure">Changes the policy after configuration is bound, e.g. <c>p =&gt; p.AllowedOrigins.Add("https://app.example.com")</c>; optional.</param>
    /// <returns><paramref name="builder"/>, for chaining.</returns>
    public static PulyaBuilder AddCors(this PulyaBuilder builder, Action<CorsPolicy>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddModuleOptions<CorsPolicy>(CorsPolicyValidator.Section, static (c, o) => c.Bind(o));
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CorsPolicy>, CorsPolicyValidator>());
        if (configure is not null)
        {
            builder.Services.Configure(configure);
        }

        return builder;
    }
}
