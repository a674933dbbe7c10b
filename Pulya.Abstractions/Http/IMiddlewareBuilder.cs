namespace Pulya.Http;

/// <summary>
/// What middleware can be added to: the application (around every request) or a route group (around its routes).
/// Modules hang their <c>Use…()</c> extension methods on it.
/// </summary>
public interface IMiddlewareBuilder
{
    /// <summary>The application's root services, for middleware that needs a logger, options or configuration.</summary>
    IServiceProvider Services { get; }

    /// <summary>Adds <paramref name="middleware"/>; the first added runs first (outermost).</summary>
    /// <param name="middleware">The middleware.</param>
    /// <returns>This builder.</returns>
    IMiddlewareBuilder Use(IPulyaMiddleware middleware);
}
