using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Pulya.Http;

namespace Pulya.Middleware;

/// <summary>Adds <see cref="CorsMiddleware"/>.</summary>
public static class CorsExtensions
{
    /// <summary>
    /// Answers CORS with the policy read from the <c>Pulya:Cors</c> configuration section (<c>AllowedOrigins</c>,
    /// <c>AllowedMethods</c>, <c>AllowedHeaders</c>, <c>ExposedHeaders</c>, <c>AllowCredentials</c>, <c>MaxAgeSeconds</c>),
    /// then changed by <paramref name="configure"/>. Add it on the application, so that preflight requests are answered
    /// for paths whose routes have no <c>OPTIONS</c> (on a group it only sees requests that matched a route).
    /// </summary>
    /// <param name="builder">The application (or a route group).</param>
    /// <param name="configure">Changes the policy after configuration is read, e.g. <c>p =&gt; p.AllowedOrigins.Add("https://app.example.com")</c>; optional.</param>
    /// <returns><paramref name="builder"/>, for chaining.</returns>
    /// <exception cref="InvalidOperationException">The policy is not valid (e.g. no origin); the message names the configuration key.</exception>
    public static TBuilder UseCors<TBuilder>(this TBuilder builder, Action<CorsPolicy>? configure = null)
        where TBuilder : IMiddlewareBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        var configuration = builder.Services.GetRequiredService<IConfiguration>();
        var policy = CorsPolicy.FromConfiguration(configuration.GetSection(CorsPolicy.SectionName));
        configure?.Invoke(policy);
        builder.Use(new CorsMiddleware(policy));
        return builder;
    }
}
