using Microsoft.AspNetCore.Http;
using Pulya.Http;
using IEndpointFilter = Pulya.Http.IEndpointFilter;

namespace Pulya.Hosting;

/// <summary>
/// Routes under a common path prefix, created by <c>MapGroup</c>: the same <c>Map*</c> methods, nested groups, and
/// endpoint filters and middleware that apply to every route in the group (nested groups included), whenever they
/// are added before the application starts. Group middleware runs only for requests that matched one of its routes,
/// outside the group's filters; an outer group's middleware and filters run before an inner group's.
/// </summary>
public sealed class RouteGroup : RouteMapper, IEndpointFilterBuilder, IMiddlewareBuilder, IEndpointMetadataBuilder
{
    private readonly RouteRegistry _registry;
    private readonly List<IEndpointFilter> _filters = [];
    private readonly List<object> _metadata = [];
    private readonly List<IPulyaMiddleware> _middleware = [];

    internal RouteGroup(RouteRegistry registry, RouteGroup? parent, string prefix, IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        if (!prefix.StartsWith('/'))
        {
            throw new ArgumentException($"A group prefix starts with '/': '{prefix}'.", nameof(prefix));
        }

        _registry = registry;
        Parent = parent;
        Prefix = Combine(parent?.Prefix, prefix).TrimEnd('/');
        Services = services;
    }

    /// <summary>The group's full prefix, its parents' included, without a trailing slash (empty for <c>/</c>).</summary>
    public string Prefix { get; }

    /// <inheritdoc />
    public override IServiceProvider Services { get; }

    /// <summary>The enclosing group, or null for a group of the application itself.</summary>
    internal RouteGroup? Parent { get; }

    /// <summary>The group's own filters, in the order added.</summary>
    internal IReadOnlyList<IEndpointFilter> Filters => _filters;

    /// <summary>The group's own middleware, in the order added.</summary>
    internal IReadOnlyList<IPulyaMiddleware> Middleware => _middleware;

    /// <summary>The metadata added here, in the order added.</summary>
    internal IReadOnlyList<object> Metadata => _metadata;

    private protected override RouteRegistry Registry => _registry;

    private protected override RouteGroup? Group => this;

    /// <summary>Adds an endpoint filter to every route of the group; the first added runs first (outermost).</summary>
    /// <exception cref="InvalidOperationException">The application has started: filters are composed at start-up.</exception>
    public RouteGroup AddEndpointFilter(IEndpointFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        _registry.ThrowIfFrozen();
        _filters.Add(filter);
        return this;
    }

    /// <summary>Adds middleware that runs for the requests matched to a route of the group; the first added runs first (outermost).</summary>
    /// <exception cref="InvalidOperationException">The application has started: middleware is composed at start-up.</exception>
    public RouteGroup Use(IPulyaMiddleware middleware)
    {
        ArgumentNullException.ThrowIfNull(middleware);
        _registry.ThrowIfFrozen();
        _middleware.Add(middleware);
        return this;
    }

    /// <summary>Adds metadata to every route of the group, before the routes' own (see <see cref="IEndpointMetadataBuilder"/>); <c>WithName</c>, <c>WithTags</c>, <c>Produces</c>… add ASP.NET Core's metadata types through it.</summary>
    /// <param name="items">The metadata objects; none may be null.</param>
    /// <returns>This group.</returns>
    /// <exception cref="InvalidOperationException">The application has started: metadata is frozen at start-up.</exception>
    public RouteGroup WithMetadata(params object[] items)
    {
        EndpointMetadata.Add(_registry, _metadata, items);
        return this;
    }

    /// <summary>Declares a response of <typeparamref name="TResponse"/> with <paramref name="statusCode"/> (ASP.NET Core's <c>ProducesResponseTypeMetadata</c>).</summary>
    /// <typeparam name="TResponse">The type of the response body.</typeparam>
    /// <param name="statusCode">The status code. Defaults to 200.</param>
    /// <param name="contentType">The content type. Defaults to the registered serializers'.</param>
    /// <param name="additionalContentTypes">More content types.</param>
    /// <returns>This group.</returns>
    public RouteGroup Produces<TResponse>(int statusCode = StatusCodes.Status200OK, string? contentType = null, params string[] additionalContentTypes) =>
        this.Produces(statusCode, typeof(TResponse), contentType, additionalContentTypes);

    IEndpointMetadataBuilder IEndpointMetadataBuilder.WithMetadata(params object[] items) => WithMetadata(items);

    IEndpointFilterBuilder IEndpointFilterBuilder.AddEndpointFilter(IEndpointFilter filter) => AddEndpointFilter(filter);

    IMiddlewareBuilder IMiddlewareBuilder.Use(IPulyaMiddleware middleware) => Use(middleware);

    /// <summary>Joins a group prefix (no trailing slash, or null) and a template: <c>/api</c> + <c>/users</c> is <c>/api/users</c>, <c>/api</c> + <c>/</c> is <c>/api</c>.</summary>
    internal static string Combine(string? prefix, string template)
    {
        if (string.IsNullOrEmpty(prefix))
        {
            return template;
        }

        var rest = template.TrimStart('/');
        return rest.Length == 0 ? prefix : prefix + "/" + rest;
    }
}
