using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Pulya.Http;

namespace Pulya.Middleware;

/// <summary>Adds <see cref="CorsMiddleware"/>.</summary>
public static class CorsExtensions
{
    /// <summary>
    /// Answers CORS with the policy registered by <c>builder.Pulya.AddCors(configure?)</c> (the <c>Pulya:Cors</c> section,
    /// then the code's changes). Add it on the application, so that preflight requests are answered for paths whose routes
    /// have no <c>OPTIONS</c> (on a group it only sees requests that matched a route).
    /// </summary>
    /// <param name="builder">The application (or a route group).</param>
    /// <returns><paramref name="builder"/>, for chaining.</returns>
    /// <exception cref="InvalidOperationException">The policy was not registered with <c>AddCors</c>.</exception>
    /// <exception cref="OptionsValidationException">The policy is not valid (e.g. no origin); the message names the configuration key.</exception>
    public static TBuilder UseCors<TBuilder>(this TBuilder builder)
        where TBuilder : IMiddlewareBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (!builder.Services.GetServices<IValidateOptions<CorsPolicy>>().OfType<CorsPolicyValidator>().Any())
        {
            throw new InvalidOperationException("UseCors() needs the CORS policy: call builder.Pulya.AddCors() (it binds Pulya:Cors) before Build().");
        }

        builder.Use(new CorsMiddleware(builder.Services.GetRequiredService<IOptions<CorsPolicy>>().Value));
        return builder;
    }
}
