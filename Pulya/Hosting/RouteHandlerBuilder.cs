using Microsoft.AspNetCore.Http;
using Pulya.Http;
using IEndpointFilter = Pulya.Http.IEndpointFilter;

namespace Pulya.Hosting;

/// <summary>
/// One mapped route, returned by <c>Map*</c>: endpoint filters and middleware added here run for this route only, inside
/// those of its groups. Its own <c>Map*</c> methods map further routes on the same application or group.
/// </summary>
public sealed class RouteHandlerBuilder : RouteMapper, IEndpointFilterBuilder, IMiddlewareBuilder, IEndpointMetadataBuilder
{
    private readonly RouteRegistry _registry;
    private readonly RouteGroup? _group;
    private readonly List<IEndpointFilter> _filters = [];
    private readonly List<IPulyaMiddleware> _middleware = [];
    private readonly List<object> _metadata = [];

    internal RouteHandlerBuilder(RouteRegistry registry, RouteGroup? group, IServiceProvider services)
    {
        _registry = registry;
        _group = group;
        Services = services;
    }

    /// <inheritdoc />
    public override IServiceProvider Services { get; }

    /// <summary>The route's own filters, in the order added.</summary>
    internal IReadOnlyList<IEndpointFilter> Filters => _filters;

    /// <summary>The route's own middleware, in the order added.</summary>
    internal IReadOnlyList<IPulyaMiddleware> Middleware => _middleware;

    /// <summary>The group the route was mapped in, or null for a route of the application itself.</summary>
    internal RouteGroup? ParentGroup => _group;

    /// <summary>The metadata added here, in the order added.</summary>
    internal IReadOnlyList<object> Metadata => _metadata;

    private protected override RouteRegistry Registry => _registry;

    private protected override RouteGroup? Group => _group;

    /// <summary>Adds an endpoint filter to this route; the first added runs first (outermost), after the filters of its groups.</summary>
    /// <exception cref="InvalidOperationException">The application has started: filters are composed at start-up.</exception>
    public RouteHandlerBuilder AddEndpointFilter(IEndpointFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        _registry.ThrowIfFrozen();
        _filters.Add(filter);
        return this;
    }

    /// <summary>
    /// Adds middleware that runs for the requests matched to this route, after the middleware of its groups and before
    /// the body is read; the first added runs first (outermost).
    /// </summary>
    /// <exception cref="InvalidOperationException">The application has started: middleware is composed at start-up.</exception>
    public RouteHandlerBuilder Use(IPulyaMiddleware middleware)
    {
        ArgumentNullException.ThrowIfNull(middleware);
        _registry.ThrowIfFrozen();
        _middleware.Add(middleware);
        return this;
    }

    /// <summary>Adds metadata to this route (see <see cref="IEndpointMetadataBuilder"/>); <c>WithName</c>, <c>WithTags</c>, <c>Produces</c>… add ASP.NET Core's metadata types through it.</summary>
    /// <param name="items">The metadata objects; none may be null.</param>
    /// <returns>This route.</returns>
    /// <exception cref="InvalidOperationException">The application has started: metadata is frozen at start-up.</exception>
    public RouteHandlerBuilder WithMetadata(params object[] items)
    {
        EndpointMetadata.Add(_registry, _metadata, items);
        return this;
    }

    /// <summary>Declares a response of <typeparamref name="TResponse"/> with <paramref name="statusCode"/> (ASP.NET Core's <c>ProducesResponseTypeMetadata</c>).</summary>
    /// <typeparam name="TResponse">The type of the response body.</typeparam>
    /// <param name="statusCode">The status code. Defaults to 200.</param>
    /// <param name="contentType">The content type. Defaults to the registered serializers'.</param>
    /// <param name="additionalContentTypes">More content types.</param>
    /// <returns>This route.</returns>
    public RouteHandlerBuilder Produces<TResponse>(int statusCode = StatusCodes.Status200OK, string? contentType = null, params string[] additionalContentTypes) =>
        this.Produces(statusCode, typeof(TResponse), contentType, additionalContentTypes);

    IEndpointMetadataBuilder IEndpointMetadataBuilder.WithMetadata(params object[] items) => WithMetadata(items);

    IEndpointFilterBuilder IEndpointFilterBuilder.AddEndpointFilter(IEndpointFilter filter) => AddEndpointFilter(filter);

    IMiddlewareBuilder IMiddlewareBuilder.Use(IPulyaMiddleware middleware) => Use(middleware);
}
