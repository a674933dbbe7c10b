namespace Pulya.Http;

/// <summary>
/// What endpoint metadata can be added to: one route, or a route group (every route in it, nested groups included).
/// Metadata are plain objects read by whoever describes or guards the route (the OpenAPI document, the ASP.NET Core
/// bridge); ASP.NET Core's own metadata types (<c>TagsAttribute</c>, <c>ProducesResponseTypeMetadata</c>…) are the
/// ones to use. A route's metadata, frozen at start-up, is <see cref="Routing.RouteEntry.Metadata"/>.
/// </summary>
public interface IEndpointMetadataBuilder
{
    /// <summary>Adds <paramref name="items"/> after the metadata added so far; on a group they come before its routes' own.</summary>
    /// <param name="items">The metadata objects; none may be null.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="InvalidOperationException">The application has started: metadata is frozen at start-up.</exception>
    IEndpointMetadataBuilder WithMetadata(params object[] items);
}
