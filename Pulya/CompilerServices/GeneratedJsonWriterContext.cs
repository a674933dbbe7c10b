using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Pulya.Serialization;

namespace Pulya.CompilerServices;

/// <summary>
/// Makes generated JSON writers: implemented by the resolver Pulya's source generator writes next to its metadata.
/// Not meant to be implemented by hand.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IGeneratedJsonWriterFactory
{
    /// <summary>The writer for the object type <paramref name="type"/>, or null when there is none or it would not write what the metadata writes.</summary>
    GeneratedJsonWriter? CreateWriter(Type type, GeneratedJsonWriterContext context);
}

/// <summary>
/// What a generated object writer is built from, for one type and the serializer's options: the property names as the
/// type's metadata has them (naming policy, <c>[JsonPropertyName]</c>) pre-encoded with the options' encoder, the
/// effective ignore conditions, and writers for property types. Not meant to be used by hand.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class GeneratedJsonWriterContext
{
    private readonly GeneratedJsonWriters _writers;
    private readonly JsonTypeInfo _info;

    internal GeneratedJsonWriterContext(GeneratedJsonWriters writers, JsonTypeInfo info)
    {
        _writers = writers;
        _info = info;
    }

    /// <summary>Set when something the writer was asked to reproduce is out of its reach: the writer is then not used.</summary>
    internal bool Rejected { get; private set; }

    internal int MaxDepth => _writers.MaxDepth;

    /// <summary>
    /// Whether the types the writer writes itself (the object type, the simple types of its properties) are written as
    /// the metadata writes them: no converter in the options and no application resolver describes them.
    /// </summary>
    public bool Accepts(params Type[] types)
    {
        ArgumentNullException.ThrowIfNull(types);
        return types.All(_writers.Accepts);
    }

    /// <summary>The name of the metadata's property <paramref name="index"/>, escaped as System.Text.Json escapes it.</summary>
    public JsonEncodedText Name(int index) => JsonEncodedText.Encode(_info.Properties[index].Name, _writers.Options.Encoder);

    /// <summary>
    /// The ignore condition of a property: <paramref name="attribute"/> (its <c>[JsonIgnore]</c>) or the options' default.
    /// A condition other than <c>Never</c>, <c>WhenWritingNull</c> and <c>WhenWritingDefault</c> rejects the writer.
    /// </summary>
    public JsonIgnoreCondition Condition(int? attribute)
    {
        var condition = attribute is { } value ? (JsonIgnoreCondition)value : _writers.Options.DefaultIgnoreCondition;
        Rejected |= condition is not (JsonIgnoreCondition.Never or JsonIgnoreCondition.WhenWritingNull or JsonIgnoreCondition.WhenWritingDefault);
        return condition;
    }

    /// <summary>The writer of a property of type <typeparamref name="T"/>: a simple value's, a generated one, or the metadata's.</summary>
    public GeneratedJsonWriter<T> Value<T>() => _writers.Value<T>();

    /// <summary>The writer of an array property.</summary>
    public GeneratedJsonWriter<T[]> Array<T>() => _writers.Sequence<T[], T>();

    /// <summary>The writer of a <see cref="List{T}"/> property.</summary>
    public GeneratedJsonWriter<List<T>> List<T>() => _writers.Sequence<List<T>, T>();

    internal GeneratedJsonWriter<T> Metadata<T>() => _writers.Metadata<T>();
}
