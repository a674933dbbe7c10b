using Microsoft.AspNetCore.Http;
using Pulya.Binding;
using Pulya.CompilerServices;
using Pulya.Routing;

namespace Pulya.Hosting;

/// <summary>
/// The <c>Map*</c> methods shared by the application, its route groups and the builders they return (so that
/// <c>app.MapGet(…).MapPost(…)</c> keeps mapping on the same application or group).
/// </summary>
public abstract class RouteMapper
{
    private protected RouteMapper()
    {
    }

    /// <summary>Maps <paramref name="handler"/> to <paramref name="method"/> and <paramref name="template"/> (after the group's prefix, if any). The handler may have any shape; its binding is compiled at start-up.</summary>
    /// <returns>The route, on which endpoint filters can be added.</returns>
    /// <exception cref="RouteTemplateException">The template is malformed.</exception>
    public RouteHandlerBuilder Map(string method, string template, Delegate handler) => MapCore(method, template, handler, null, GeneratedCodeContract.Version);

    /// <summary>Maps a GET route (which also answers HEAD).</summary>
    public RouteHandlerBuilder MapGet(string template, Delegate handler) => Map(HttpMethods.Get, template, handler);

    /// <summary>Maps a POST route.</summary>
    public RouteHandlerBuilder MapPost(string template, Delegate handler) => Map(HttpMethods.Post, template, handler);

    /// <summary>Maps a PUT route.</summary>
    public RouteHandlerBuilder MapPut(string template, Delegate handler) => Map(HttpMethods.Put, template, handler);

    /// <summary>Maps a DELETE route.</summary>
    public RouteHandlerBuilder MapDelete(string template, Delegate handler) => Map(HttpMethods.Delete, template, handler);

    /// <summary>Maps a PATCH route.</summary>
    public RouteHandlerBuilder MapPatch(string template, Delegate handler) => Map(HttpMethods.Patch, template, handler);

    /// <summary>
    /// Creates a group of routes under <paramref name="prefix"/> (after this group's own prefix, if any): its routes
    /// share the group's endpoint filters and middleware, and groups nest.
    /// </summary>
    /// <param name="prefix">The path prefix, e.g. <c>/api</c>; it may contain route parameters (<c>/users/{id:int}</c>).</param>
    /// <exception cref="ArgumentException">The prefix does not start with <c>/</c>.</exception>
    public RouteGroup MapGroup(string prefix) => new(Registry, Group, prefix, Services);

    internal RouteHandlerBuilder MapCore(string method, string template, Delegate handler, EndpointBinding? generated, int contractVersion)
    {
        ArgumentNullException.ThrowIfNull(template);
        var route = new RouteHandlerBuilder(Registry, Group, Services);
        Registry.Add(method, RouteGroup.Combine(Group?.Prefix, template), handler, route, generated, contractVersion);
        return route;
    }

    /// <summary>The application's root services.</summary>
    public abstract IServiceProvider Services { get; }

    /// <summary>The prefix of the group routes mapped here join, or null on the application.</summary>
    internal string? GroupPrefix => Group?.Prefix;

    private protected abstract RouteRegistry Registry { get; }

    private protected abstract RouteGroup? Group { get; }
}
