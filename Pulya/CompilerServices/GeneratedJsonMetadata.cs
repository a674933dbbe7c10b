using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Pulya.CompilerServices;

/// <summary>
/// The JSON type metadata written by Pulya's source generator for the body and result types of the endpoints it binds.
/// Generated code registers its resolver here when its assembly loads; the <c>SystemTextJson</c> serializer asks the
/// registered resolvers after the ones an application adds (<c>AddJsonTypeInfoResolver</c>) and before reflection.
/// Not meant to be called by hand.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class GeneratedJsonMetadata
{
    private static readonly Lock s_registering = new();

    // Replaced, never changed: readers take the array they see without a lock.
    private static IJsonTypeInfoResolver[] s_resolvers = [];

    /// <summary>The registered resolvers as one, read at each call (an assembly loaded later still counts).</summary>
    internal static IJsonTypeInfoResolver Resolver { get; } = new Registered();

    /// <summary>
    /// Adds a generated resolver; registering the same instance twice has no effect. A resolver generated for another
    /// contract version is not added: it is never asked (the endpoints generated with it stop the start-up).
    /// </summary>
    /// <param name="resolver">The generated resolver.</param>
    /// <param name="contractVersion">The <see cref="GeneratedCodeContract.Version"/> the generator was built against.</param>
    public static void Register(IJsonTypeInfoResolver resolver, int contractVersion)
    {
        ArgumentNullException.ThrowIfNull(resolver);
        if (contractVersion != GeneratedCodeContract.Version)
        {
            return;
        }

        lock (s_registering)
        {
            if (Array.IndexOf(s_resolvers, resolver) < 0)
            {
                s_resolvers = [.. s_resolvers, resolver];
            }
        }
    }

    /// <summary>
    /// The converter <paramref name="options"/> declares for <typeparamref name="T"/> (its <c>Converters</c>, a factory
    /// expanded), or null: generated metadata honours the options' converters the way reflection does.
    /// </summary>
    public static JsonConverter? OptionsConverter<T>(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var converter = options.Converters.FirstOrDefault(c => c.CanConvert(typeof(T)));
        return converter is JsonConverterFactory factory ? factory.CreateConverter(typeof(T), options) : converter;
    }

    /// <summary>
    /// The converter for the enum <typeparamref name="T"/>: the options' own when they declare one; otherwise, where
    /// dynamic code is off (Native AOT, where the default options cannot hold the string-enum factory), camelCase strings
    /// as the default options write with dynamic code; otherwise numbers, as reflection writes them.
    /// </summary>
    public static JsonConverter EnumConverter<T>(JsonSerializerOptions options)
        where T : struct, Enum =>
        OptionsConverter<T>(options)
        ?? (RuntimeFeature.IsDynamicCodeSupported ? JsonMetadataServices.GetEnumConverter<T>(options) : new JsonStringEnumConverter<T>(JsonNamingPolicy.CamelCase).CreateConverter(typeof(T), options));

    /// <summary>
    /// The generated writer for <paramref name="type"/> from the resolver whose metadata the options use (the first
    /// registered that describes the type), or null when that resolver makes no writers or none for the type.
    /// </summary>
    internal static GeneratedJsonWriter? CreateWriter(Type type, JsonSerializerOptions options, GeneratedJsonWriterContext context) =>
        s_resolvers.FirstOrDefault(r => r.GetTypeInfo(type, options) is not null) is IGeneratedJsonWriterFactory factory ? factory.CreateWriter(type, context) : null;

    private sealed class Registered : IJsonTypeInfoResolver
    {
        public JsonTypeInfo? GetTypeInfo(Type type, JsonSerializerOptions options)
        {
            foreach (var resolver in s_resolvers)
            {
                if (resolver.GetTypeInfo(type, options) is { } info)
                {
                    return info;
                }
            }

            return null;
        }
    }
}
