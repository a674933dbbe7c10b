using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Pulya.Http;

namespace Pulya.AspNetCore;

/// <summary>
/// Applies ASP.NET Core's own endpoint conventions (<c>RequireAuthorization</c>, <c>CacheOutput</c>…) to a Pulya route or
/// group: the convention runs once, at once, on an empty endpoint builder, and the metadata it added go to the route or
/// group. So the metadata are exactly those Minimal APIs would carry. (None of the conventions applied here uses
/// <c>Finally</c>, which keeps the interface's no-op.)
/// </summary>
internal sealed class ConventionMetadata : IEndpointConventionBuilder
{
    private readonly RouteEndpointBuilder _endpoint = new(static _ => Task.CompletedTask, RoutePatternFactory.Parse("/"), 0);

    public static TBuilder Apply<TBuilder>(TBuilder builder, Action<IEndpointConventionBuilder> convention)
        where TBuilder : IEndpointMetadataBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        var collector = new ConventionMetadata();
        convention(collector);
        builder.WithMetadata([.. collector._endpoint.Metadata]);
        return builder;
    }

    public void Add(Action<EndpointBuilder> convention) => convention(_endpoint);
}
