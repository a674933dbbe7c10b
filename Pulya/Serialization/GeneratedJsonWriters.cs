using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Pulya.CompilerServices;

namespace Pulya.Serialization;

/// <summary>
/// The generated writers of one <see cref="SystemTextJsonSerializer"/>, made once per type: the serialization fast path.
/// A type gets one only when the writer writes what the metadata path writes, byte for byte: the serializer built the
/// resolver chain itself, the options are ones the writers reproduce (see <see cref="OptionsAllow"/>), no converter in
/// the options and no application resolver describes a type the writer writes itself, and the type's metadata is the
/// generated one with nothing added (callbacks, polymorphism, custom property converters or number handling).
/// </summary>
internal sealed class GeneratedJsonWriters
{
    /// <summary>The <see cref="AppContext"/> switch that turns the fast path off (the metadata path is taken for every type).</summary>
    public const string DisableSwitch = "Pulya.Serialization.DisableGeneratedJsonWriters";

    private readonly IReadOnlyList<IJsonTypeInfoResolver>? _applicationResolvers;
    private readonly bool _enabled;
    private readonly Lock _building = new();
    private readonly HashSet<Type> _inProgress = [];
    private readonly ConcurrentDictionary<Type, GeneratedJsonWriter?> _objects = new();
    private readonly Dictionary<Type, GeneratedJsonWriter> _values = [];

    /// <param name="options">The serializer's frozen options.</param>
    /// <param name="applicationResolvers">The application's resolvers ahead of the generated metadata, or null when the options came with their own resolver (no fast path).</param>
    public GeneratedJsonWriters(JsonSerializerOptions options, IReadOnlyList<IJsonTypeInfoResolver>? applicationResolvers)
    {
        Options = options;
        _applicationResolvers = applicationResolvers;
        MaxDepth = options.MaxDepth == 0 ? 64 : options.MaxDepth;
        _enabled = applicationResolvers is not null && OptionsAllow(options) && !(AppContext.TryGetSwitch(DisableSwitch, out var off) && off);
    }

    public JsonSerializerOptions Options { get; }

    /// <summary>The depth System.Text.Json stops at (0 in the options means 64).</summary>
    public int MaxDepth { get; }

    /// <summary>The writer for a root value of <paramref name="type"/>, or null: the metadata path.</summary>
    public GeneratedJsonWriter? For(Type type) => _objects.TryGetValue(type, out var writer) ? writer : Build(type);

    /// <summary>
    /// Whether the options are ones the generated writers reproduce: no reference handling, strict numbers, read-only
    /// properties written, nullable annotations not enforced, nulls written or skipped by the ignore conditions the writers know.
    /// </summary>
    public static bool OptionsAllow(JsonSerializerOptions options) =>
#pragma warning disable SYSLIB0020 // IgnoreNullValues is obsolete, but still honoured by the metadata path.
        options is { ReferenceHandler: null, NumberHandling: JsonNumberHandling.Strict, IgnoreReadOnlyProperties: false, IgnoreNullValues: false, RespectNullableAnnotations: false }
#pragma warning restore SYSLIB0020
        && options.DefaultIgnoreCondition is JsonIgnoreCondition.Never or JsonIgnoreCondition.WhenWritingNull or JsonIgnoreCondition.WhenWritingDefault;

    /// <summary>Whether <paramref name="type"/> is written as the metadata writes it when written directly: no options converter, no application resolver.</summary>
    public bool Accepts(Type type) =>
        !Options.Converters.Any(c => c.CanConvert(type)) && _applicationResolvers!.All(r => r.GetTypeInfo(type, Options) is null);

    public GeneratedJsonWriter<T> Value<T>()
    {
        lock (_building)
        {
            if (_values.TryGetValue(typeof(T), out var known))
            {
                return (GeneratedJsonWriter<T>)known;
            }

            var writer = PrimitiveJsonWriters.For<T>() is { } primitive && Accepts(typeof(T)) ? primitive
                : _inProgress.Contains(typeof(T)) ? new Deferred<T>(this)
                : Build(typeof(T)) as GeneratedJsonWriter<T> ?? Metadata<T>();
            if (writer is not Deferred<T>)
            {
                _values[typeof(T)] = writer;
            }

            return writer;
        }
    }

    public GeneratedJsonWriter<TSequence> Sequence<TSequence, TElement>()
        where TSequence : IEnumerable<TElement> =>
        Accepts(typeof(TSequence)) ? new SequenceJsonWriter<TSequence, TElement>(Value<TElement>(), Metadata<TSequence>(), MaxDepth) : Metadata<TSequence>();

    public GeneratedJsonWriter<T> Metadata<T>() => new MetadataJsonWriter<T>((JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T)));

    private GeneratedJsonWriter? Build(Type type)
    {
        lock (_building)
        {
            if (_objects.TryGetValue(type, out var known))
            {
                return known;
            }

            GeneratedJsonWriter? writer = null;
            if (_enabled && Accepts(type) && Options.GetTypeInfo(type) is var info && Plain(info))
            {
                _inProgress.Add(type);
                try
                {
                    var context = new GeneratedJsonWriterContext(this, info);
                    writer = GeneratedJsonMetadata.CreateWriter(type, Options, context);
                    writer = context.Rejected ? null : writer;
                }
                finally
                {
                    _inProgress.Remove(type);
                }
            }

            _objects[type] = writer;
            return writer;
        }
    }

    /// <summary>Whether the metadata is an object's with nothing a generated writer would skip.</summary>
    private static bool Plain(JsonTypeInfo info) =>
        info is { Kind: JsonTypeInfoKind.Object, OnSerializing: null, OnSerialized: null, PolymorphismOptions: null, NumberHandling: null or JsonNumberHandling.Strict }
        && info.Properties.All(p => p is { CustomConverter: null, NumberHandling: null, IsExtensionData: false });

    /// <summary>A writer for a type whose writer is still being built (a type that contains itself), looked up at its first use.</summary>
    private sealed class Deferred<T>(GeneratedJsonWriters writers) : GeneratedJsonWriter<T>
    {
        private GeneratedJsonWriter<T>? _resolved;

        public override void Write(Utf8JsonWriter writer, T value) =>
            (_resolved ??= writers.For(typeof(T)) as GeneratedJsonWriter<T> ?? writers.Metadata<T>()).Write(writer, value);
    }
}
