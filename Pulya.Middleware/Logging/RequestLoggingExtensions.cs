using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Pulya.Http;

namespace Pulya.Middleware;

/// <summary>Adds <see cref="RequestLoggingMiddleware"/>.</summary>
public static class RequestLoggingExtensions
{
    /// <summary>
    /// Logs every request (on the application) or every request of the group's routes (on a route group): method, path,
    /// status and duration, category <c>Pulya.RequestLogging</c>, level Information. Add it first to time everything.
    /// </summary>
    /// <param name="builder">The application or route group.</param>
    /// <returns><paramref name="builder"/>, for chaining.</returns>
    public static TBuilder UseRequestLogging<TBuilder>(this TBuilder builder)
        where TBuilder : IMiddlewareBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        var logger = builder.Services.GetRequiredService<ILoggerFactory>().CreateLogger(RequestLoggingMiddleware.Category);
        builder.Use(new RequestLoggingMiddleware(logger));
        return builder;
    }
}
