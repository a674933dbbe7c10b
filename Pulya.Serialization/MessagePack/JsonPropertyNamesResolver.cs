using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using MessagePack;
using MessagePack.Formatters;
using MessagePack.Resolvers;

namespace Pulya.Serialization;

/// <summary>
/// The default resolver of the <c>MessagePack</c> serializer: <see cref="ContractlessStandardResolver"/>, except that
/// plain public classes, structs and records (no <c>[MessagePackObject]</c>, no formatter of their own) are maps keyed by
/// the names System.Text.Json gives their properties: the naming policy (camelCase by default, as Pulya's
/// <c>SystemTextJson</c> serializer writes), <c>[JsonPropertyName]</c>, <c>[JsonIgnore]</c>. Reading matches keys as
/// the JSON side does (case-insensitively under <see cref="JsonSerializerOptions.PropertyNameCaseInsensitive"/>); a
/// value under an unknown key is skipped and must still be complete. Each type's keys are encoded once.
/// To keep the .NET member names (the format MessagePack-CSharp writes on its own), set
/// <see cref="MessagePackOptions.Resolver"/> to <see cref="ContractlessStandardResolver.Instance"/>.
/// </summary>
[RequiresDynamicCode(DynamicCodeRequirement.Message)]
[RequiresUnreferencedCode(DynamicCodeRequirement.Message)]
public sealed class JsonPropertyNamesResolver : IFormatterResolver
{
    // Built-in types, [MessagePackFormatter] types, collections, tuples, enums, unions: as ContractlessStandardResolver has them.
    private static readonly IFormatterResolver Standard = CompositeResolver.Create(
        BuiltinResolver.Instance,
        AttributeFormatterResolver.Instance,
        DynamicEnumResolver.Instance,
        DynamicGenericResolver.Instance,
        DynamicUnionResolver.Instance);

    private readonly ConcurrentDictionary<Type, object?> _formatters = new();
    private readonly JsonSerializerOptions _json;

    /// <summary>Creates the resolver with the names of <paramref name="jsonOptions"/> (e.g. <c>SystemTextJsonSerializer.Options</c>).</summary>
    public JsonPropertyNamesResolver(JsonSerializerOptions jsonOptions)
    {
        ArgumentNullException.ThrowIfNull(jsonOptions);
        _json = new JsonSerializerOptions(jsonOptions);
        _json.TypeInfoResolver ??= new DefaultJsonTypeInfoResolver();
        _json.MakeReadOnly();
    }

    /// <summary>The resolver with the names of Pulya's <c>SystemTextJson</c> serializer: camelCase, read case-insensitively.</summary>
    public static JsonPropertyNamesResolver Instance { get; } = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        PropertyNameCaseInsensitive = true,
    });

    /// <inheritdoc />
    public IMessagePackFormatter<T>? GetFormatter<T>()
    {
        // Called for every member of every value: one static field read while a single resolver is in use.
        var entry = Cache<T>.Entry;
        return entry is not null && ReferenceEquals(entry.Owner, this) ? entry.Formatter : Slow<T>();
    }

    private IMessagePackFormatter<T>? Slow<T>()
    {
        var formatter = (IMessagePackFormatter<T>?)_formatters.GetOrAdd(typeof(T), _ => Create<T>());
        Cache<T>.Entry = new CacheEntry<T>(this, formatter);
        return formatter;
    }

    private IMessagePackFormatter<T>? Create<T>()
    {
        var type = typeof(T);
        if (Standard.GetFormatter<T>() is { } standard)
        {
            return standard;
        }

        if (type == typeof(object) || !type.IsVisible || type.IsAbstract || type.IsInterface
            || type.IsDefined(typeof(MessagePackObjectAttribute), false)
            || _json.GetTypeInfo(type) is not { Kind: JsonTypeInfoKind.Object } info)
        {
            return ContractlessStandardResolver.Instance.GetFormatter<T>();
        }

        return JsonNamedObjectFormatter<T>.Create(info);
    }

    private sealed record CacheEntry<T>(JsonPropertyNamesResolver Owner, IMessagePackFormatter<T>? Formatter);

    private static class Cache<T>
    {
        public static CacheEntry<T>? Entry;
    }
}
