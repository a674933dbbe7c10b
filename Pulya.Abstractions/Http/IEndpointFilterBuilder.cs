namespace Pulya.Http;

/// <summary>
/// What endpoint filters can be added to: one route, or a route group (every route in it, nested groups included).
/// Modules hang their filter extension methods on it.
/// </summary>
public interface IEndpointFilterBuilder
{
    /// <summary>The application's root services, for filters that need a logger, options or configuration.</summary>
    IServiceProvider Services { get; }

    /// <summary>Adds <paramref name="filter"/>; the first added runs first (outermost), a group's filters before its routes' own.</summary>
    /// <param name="filter">The filter.</param>
    /// <returns>This builder.</returns>
    IEndpointFilterBuilder AddEndpointFilter(IEndpointFilter filter);
}
