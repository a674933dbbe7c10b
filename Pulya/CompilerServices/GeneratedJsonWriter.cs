using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Pulya.CompilerServices;

/// <summary>
/// Writes values of one type as JSON without System.Text.Json's metadata walk: the serialization fast path Pulya's
/// source generator emits for the result types it describes, used by the <c>SystemTextJson</c> serializer only when
/// the output is the same, byte for byte, as the metadata path's. Not meant to be derived from by hand.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract class GeneratedJsonWriter
{
    private protected GeneratedJsonWriter()
    {
    }

    /// <summary>Writes <paramref name="value"/>, a value of the writer's type or null.</summary>
    internal abstract void WriteBoxed(Utf8JsonWriter writer, object? value);
}

/// <summary>Writes values of <typeparamref name="T"/>; see <see cref="GeneratedJsonWriter"/>.</summary>
/// <typeparam name="T">The type written.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract class GeneratedJsonWriter<T> : GeneratedJsonWriter
{
    private protected GeneratedJsonWriter()
    {
    }

    /// <summary>Writes <paramref name="value"/> at the writer's position (a property value or the root).</summary>
    public abstract void Write(Utf8JsonWriter writer, T value);

    internal sealed override void WriteBoxed(Utf8JsonWriter writer, object? value) => Write(writer, (T)value!);
}

/// <summary>
/// The base of a generated object writer: <c>null</c>, the depth System.Text.Json allows and the braces here, the
/// properties in the generated <see cref="WriteProperties"/>.
/// </summary>
/// <typeparam name="T">The object type.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract class GeneratedJsonObjectWriter<T> : GeneratedJsonWriter<T>
{
    private readonly GeneratedJsonWriter<T> _metadata;
    private readonly int _deepest;

    /// <summary>Creates the writer for the type <paramref name="context"/> describes.</summary>
    protected GeneratedJsonObjectWriter(GeneratedJsonWriterContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _metadata = context.Metadata<T>();
        _deepest = context.MaxDepth - 1;
    }

    /// <inheritdoc />
    public sealed override void Write(Utf8JsonWriter writer, T value)
    {
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else if (writer.CurrentDepth >= _deepest)
        {
            // At the depth limit the metadata path decides (it throws the serializer's own cycle error).
            _metadata.Write(writer, value);
        }
        else
        {
            writer.WriteStartObject();
            WriteProperties(writer, value);
            writer.WriteEndObject();
        }
    }

    /// <summary>Writes the properties of <paramref name="value"/>, in the order of the type's metadata.</summary>
    protected abstract void WriteProperties(Utf8JsonWriter writer, T value);

    /// <summary>
    /// Whether a property value is written under <c>WhenWritingNull</c> or <c>WhenWritingDefault</c>, as System.Text.Json
    /// decides (generated code writes under <c>Never</c> without asking; the context rejects the other conditions).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    protected static bool Keep<TValue>(TValue value, JsonIgnoreCondition condition) =>
        condition == JsonIgnoreCondition.WhenWritingNull ? value is not null : !EqualityComparer<TValue>.Default.Equals(value, default);
}

/// <summary>A writer through the type's <see cref="JsonTypeInfo{T}"/>: System.Text.Json's own path, for what generated code does not write itself.</summary>
internal sealed class MetadataJsonWriter<T>(JsonTypeInfo<T> info) : GeneratedJsonWriter<T>
{
    public override void Write(Utf8JsonWriter writer, T value) => JsonSerializer.Serialize(writer, value, info);
}

/// <summary>Arrays and lists: brackets, then each element with the element's writer.</summary>
internal sealed class SequenceJsonWriter<TSequence, TElement>(GeneratedJsonWriter<TElement> element, GeneratedJsonWriter<TSequence> metadata, int maxDepth)
    : GeneratedJsonWriter<TSequence>
    where TSequence : IEnumerable<TElement>
{
    public override void Write(Utf8JsonWriter writer, TSequence value)
    {
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else if (writer.CurrentDepth >= maxDepth - 1)
        {
            metadata.Write(writer, value);
        }
        else
        {
            writer.WriteStartArray();
            if (value is TElement[] array)
            {
                foreach (var item in array)
                {
                    element.Write(writer, item);
                }
            }
            else
            {
                foreach (var item in (List<TElement>)(object)value)
                {
                    element.Write(writer, item);
                }
            }

            writer.WriteEndArray();
        }
    }
}

/// <summary>The values System.Text.Json's built-in converters write with one <see cref="Utf8JsonWriter"/> call.</summary>
internal static class PrimitiveJsonWriters
{
    /// <summary>The writer for <typeparamref name="T"/>, or null when it is not one of them.</summary>
    public static GeneratedJsonWriter<T>? For<T>() => (GeneratedJsonWriter<T>?)(object?)(typeof(T) switch
    {
        var t when t == typeof(string) => new Writer<string?>(static (w, v) => { if (v is null) { w.WriteNullValue(); } else { w.WriteStringValue(v); } }),
        var t when t == typeof(bool) => new Writer<bool>(static (w, v) => w.WriteBooleanValue(v)),
        var t when t == typeof(int) => new Writer<int>(static (w, v) => w.WriteNumberValue(v)),
        var t when t == typeof(long) => new Writer<long>(static (w, v) => w.WriteNumberValue(v)),
        var t when t == typeof(double) => new Writer<double>(static (w, v) => w.WriteNumberValue(v)),
        var t when t == typeof(decimal) => new Writer<decimal>(static (w, v) => w.WriteNumberValue(v)),
        var t when t == typeof(Guid) => new Writer<Guid>(static (w, v) => w.WriteStringValue(v)),
        var t when t == typeof(DateTime) => new Writer<DateTime>(static (w, v) => w.WriteStringValue(v)),
        var t when t == typeof(DateTimeOffset) => new Writer<DateTimeOffset>(static (w, v) => w.WriteStringValue(v)),
        _ => null,
    });

    private sealed class Writer<T>(Action<Utf8JsonWriter, T> write) : GeneratedJsonWriter<T>
    {
        public override void Write(Utf8JsonWriter writer, T value) => write(writer, value);
    }
}
