namespace Pulya.Http;

/// <summary>
/// What routed middleware (<see cref="IRoutedMiddleware"/>) can be added to: the application. Modules hang their
/// <c>Use…()</c> extension methods on it (e.g. <c>UseAspNetCore</c>).
/// </summary>
public interface IRoutedMiddlewareBuilder
{
    /// <summary>The application's root services.</summary>
    IServiceProvider Services { get; }

    /// <summary>Adds <paramref name="middleware"/> after routing; the first added runs first (outermost).</summary>
    /// <param name="middleware">The routed middleware.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="InvalidOperationException">The application has started: the pipeline is composed at start-up.</exception>
    IRoutedMiddlewareBuilder UseRouted(IRoutedMiddleware middleware);
}
