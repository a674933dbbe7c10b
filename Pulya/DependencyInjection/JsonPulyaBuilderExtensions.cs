using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Pulya.DependencyInjection;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>JSON type metadata for the <c>SystemTextJson</c> serializer on <see cref="PulyaBuilder"/>.</summary>
public static class JsonPulyaBuilderExtensions
{
    /// <summary>
    /// Adds a source of JSON type metadata, typically a <see cref="JsonSerializerContext"/> (<c>AppJsonContext.Default</c>),
    /// asked before the metadata Pulya's source generator writes for the endpoints' types and before reflection, in
    /// registration order. Under Native AOT, where reflection-based JSON is off, a body or result type the generator does
    /// not describe (it reports those at build time) must be described by a registered resolver.
    /// </summary>
    public static PulyaBuilder AddJsonTypeInfoResolver(this PulyaBuilder builder, IJsonTypeInfoResolver resolver)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(resolver);
        builder.Services.AddSingleton(resolver);
        return builder;
    }
}
