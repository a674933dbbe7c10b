using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Pulya.Http;

/// <summary>
/// Describes a route or a route group with ASP.NET Core's own metadata types, as Minimal APIs' methods of the same names
/// do: what the OpenAPI document shows (name, summary, tags, responses) and whether it shows the route at all.
/// </summary>
public static class EndpointMetadataBuilderExtensions
{
    private static readonly string[] ProblemContentTypes = ["application/problem+json"];

    /// <summary>Names the endpoint (<see cref="EndpointNameMetadata"/>): the OpenAPI <c>operationId</c>. Names are unique across the application.</summary>
    /// <param name="builder">The route or route group.</param>
    /// <param name="name">The endpoint name.</param>
    /// <returns><paramref name="builder"/>, for chaining.</returns>
    public static TBuilder WithName<TBuilder>(this TBuilder builder, string name)
        where TBuilder : IEndpointMetadataBuilder
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return builder.With(new EndpointNameMetadata(name));
    }

    /// <summary>Adds a one-line summary (<see cref="EndpointSummaryAttribute"/>).</summary>
    /// <param name="builder">The route or route group.</param>
    /// <param name="summary">The summary.</param>
    /// <returns><paramref name="builder"/>, for chaining.</returns>
    public static TBuilder WithSummary<TBuilder>(this TBuilder builder, string summary)
        where TBuilder : IEndpointMetadataBuilder
    {
        ArgumentNullException.ThrowIfNull(summary);
        return builder.With(new EndpointSummaryAttribute(summary));
    }

    /// <summary>Adds a description (<see cref="EndpointDescriptionAttribute"/>; CommonMark in OpenAPI).</summary>
    /// <param name="builder">The route or route group.</param>
    /// <param name="description">The description.</param>
    /// <returns><paramref name="builder"/>, for chaining.</returns>
    public static TBuilder WithDescription<TBuilder>(this TBuilder builder, string description)
        where TBuilder : IEndpointMetadataBuilder
    {
        ArgumentNullException.ThrowIfNull(description);
        return builder.With(new EndpointDescriptionAttribute(description));
    }

    /// <summary>Adds tags (<see cref="TagsAttribute"/>) that group operations in the OpenAPI document.</summary>
    /// <param name="builder">The route or route group.</param>
    /// <param name="tags">The tags.</param>
    /// <returns><paramref name="builder"/>, for chaining.</returns>
    public static TBuilder WithTags<TBuilder>(this TBuilder builder, params string[] tags)
        where TBuilder : IEndpointMetadataBuilder
    {
        ArgumentNullException.ThrowIfNull(tags);
        return builder.With(new TagsAttribute(tags));
    }

    /// <summary>
    /// Declares a response with <paramref name="statusCode"/>, of <paramref name="responseType"/> or without a body
    /// (<see cref="ProducesResponseTypeMetadata"/>). Routes and groups also have <c>Produces&lt;TResponse&gt;(…)</c>.
    /// </summary>
    /// <param name="builder">The route or route group.</param>
    /// <param name="statusCode">The status code.</param>
    /// <param name="responseType">The type of the response body, or null for none.</param>
    /// <param name="contentType">The content type. Defaults to the registered serializers' when there is a body type.</param>
    /// <param name="additionalContentTypes">More content types.</param>
    /// <returns><paramref name="builder"/>, for chaining.</returns>
    public static TBuilder Produces<TBuilder>(this TBuilder builder, int statusCode, Type? responseType = null, string? contentType = null, params string[] additionalContentTypes)
        where TBuilder : IEndpointMetadataBuilder
    {
        ArgumentNullException.ThrowIfNull(additionalContentTypes);
        string[] contentTypes = contentType is null ? [.. additionalContentTypes] : [contentType, .. additionalContentTypes];
        return builder.With(new ProducesResponseTypeMetadata(statusCode, responseType, contentTypes));
    }

    /// <summary>Declares an RFC 9457 Problem Details response (<c>application/problem+json</c>) with <paramref name="statusCode"/>.</summary>
    /// <param name="builder">The route or route group.</param>
    /// <param name="statusCode">The status code.</param>
    /// <param name="contentType">The content type. Defaults to <c>application/problem+json</c>.</param>
    /// <returns><paramref name="builder"/>, for chaining.</returns>
    public static TBuilder ProducesProblem<TBuilder>(this TBuilder builder, int statusCode, string? contentType = null)
        where TBuilder : IEndpointMetadataBuilder =>
        builder.With(new ProducesResponseTypeMetadata(statusCode, typeof(ProblemDetails), contentType is null ? ProblemContentTypes : [contentType]));

    /// <summary>Leaves the route (or every route of the group) out of the OpenAPI document (<see cref="ExcludeFromDescriptionAttribute"/>).</summary>
    /// <param name="builder">The route or route group.</param>
    /// <returns><paramref name="builder"/>, for chaining.</returns>
    public static TBuilder ExcludeFromDescription<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointMetadataBuilder =>
        builder.With(new ExcludeFromDescriptionAttribute());

    private static TBuilder With<TBuilder>(this TBuilder builder, object item)
        where TBuilder : IEndpointMetadataBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.WithMetadata(item);
        return builder;
    }
}
