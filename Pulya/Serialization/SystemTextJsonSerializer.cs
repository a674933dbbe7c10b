using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using System.Text.Unicode;

namespace Pulya.Serialization;

/// <summary>
/// The <c>SystemTextJson</c> serializer: System.Text.Json with options built once and frozen. Writes with a
/// <see cref="Utf8JsonWriter"/> straight into the response writer, reads from the body's byte sequence without
/// decoding it to a string. camelCase property names, enums as strings, nulls written, maximum depth 64;
/// invalid UTF-8 (anywhere in the body, also in skipped properties), duplicate property names, comments and trailing
/// content are rejected. Type metadata is cached per type.
/// </summary>
public sealed class SystemTextJsonSerializer : IPulyaSerializer
{
    /// <summary>The name the serializer is registered and selected under.</summary>
    public const string Name = "SystemTextJson";

    private static readonly string[] JsonMediaTypes = ["application/json"];
    private static readonly ArrayBufferWriter<byte> Parked = new(1);

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    [ThreadStatic]
    private static SystemTextJsonSerializer? t_writerOwner;

    private readonly JsonWriterOptions _writerOptions;

    /// <summary>Creates the serializer with <see cref="CreateDefaultOptions"/>.</summary>
    public SystemTextJsonSerializer()
        : this(CreateDefaultOptions())
    {
    }

    /// <summary>
    /// Creates the serializer with <see cref="CreateDefaultOptions"/> and type metadata from <paramref name="resolvers"/>
    /// first (e.g. a <see cref="JsonSerializerContext"/> registered with <c>AddJsonTypeInfoResolver</c>), then from the
    /// metadata Pulya's source generator wrote for the endpoints' types (<see cref="GeneratedJsonMetadata"/>), then from
    /// reflection where the application allows it (not under Native AOT).
    /// </summary>
    public SystemTextJsonSerializer(IEnumerable<IJsonTypeInfoResolver> resolvers)
        : this(WithResolvers(CreateDefaultOptions(), resolvers))
    {
    }

    /// <summary>
    /// Creates the serializer with a copy of <paramref name="options"/>, frozen; without a resolver in them, types are
    /// described by generated metadata (<see cref="GeneratedJsonMetadata"/>), then by reflection.
    /// </summary>
    public SystemTextJsonSerializer(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = new JsonSerializerOptions(options);
        Options.TypeInfoResolver ??= WithResolvers(Options, []).TypeInfoResolver;
        Options.MakeReadOnly();
        _writerOptions = new JsonWriterOptions { Encoder = Options.Encoder, SkipValidation = true, MaxDepth = Options.MaxDepth };
    }

    /// <summary>The frozen options; copy them with <c>new JsonSerializerOptions(Options)</c> to change something.</summary>
    public JsonSerializerOptions Options { get; }

    /// <inheritdoc />
    public string ContentType => "application/json; charset=utf-8";

    /// <inheritdoc />
    public IReadOnlyList<string> MediaTypes => JsonMediaTypes;

    /// <summary>
    /// The defaults: camelCase names (matched case-insensitively when reading, as Newtonsoft.Json does), string enums
    /// (camelCase), max depth 64, no comments or trailing commas, no duplicate property names, HTML-safe escaping off.
    /// </summary>
    /// <remarks>Under Native AOT the string-enum converter, which makes generic types at run time, is left out: declare
    /// enums as strings in the <see cref="JsonSerializerContext"/> instead (<c>UseStringEnumConverter</c>).</remarks>
    public static JsonSerializerOptions CreateDefaultOptions()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            PropertyNameCaseInsensitive = true,
            DictionaryKeyPolicy = null,
            MaxDepth = 64,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            ReadCommentHandling = JsonCommentHandling.Disallow,
            AllowTrailingCommas = false,
            NumberHandling = JsonNumberHandling.Strict,
            AllowDuplicateProperties = false,
        };
        if (RuntimeFeature.IsDynamicCodeSupported)
        {
            options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        }

        return options;
    }

    /// <summary><paramref name="options"/> with the resolvers first, generated metadata next and, when the application allows reflection-based JSON, reflection last.</summary>
    private static JsonSerializerOptions WithResolvers(JsonSerializerOptions options, IEnumerable<IJsonTypeInfoResolver> resolvers)
    {
        ArgumentNullException.ThrowIfNull(resolvers);
        IJsonTypeInfoResolver?[] chain = [.. resolvers, GeneratedJsonMetadata.Resolver, JsonSerializer.IsReflectionEnabledByDefault ? Reflection() : null];
        options.TypeInfoResolver = JsonTypeInfoResolver.Combine(chain);
        return options;
    }

    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "Only when JsonSerializer.IsReflectionEnabledByDefault, which trimmed and AOT applications turn off.")]
    [UnconditionalSuppressMessage("AOT", "IL3050", Justification = "Only when JsonSerializer.IsReflectionEnabledByDefault, which trimmed and AOT applications turn off.")]
    private static DefaultJsonTypeInfoResolver Reflection() => new();

    /// <inheritdoc />
    public void Prepare(Type type) => Options.GetTypeInfo(type);

    /// <inheritdoc />
    public void Serialize(IBufferWriter<byte> output, object? value, Type type)
    {
        // One writer per thread, re-pointed at each response's output: a Utf8JsonWriter is ~140 B per response otherwise.
        // Taken out of the slot while in use, so a re-entrant call gets its own.
        var writer = t_writer;
        t_writer = null;
        if (writer is null || !ReferenceEquals(t_writerOwner, this))
        {
            writer = new Utf8JsonWriter(output, _writerOptions);
        }
        else
        {
            writer.Reset(output);
        }

        try
        {
            JsonSerializer.Serialize(writer, value, Options.GetTypeInfo(type));
        }
        finally
        {
            // Drop the reference to the response's writer before parking the instance.
            writer.Reset(Parked);
            t_writer = writer;
            t_writerOwner = this;
        }
    }

    /// <inheritdoc />
    public object? Deserialize(ReadOnlySequence<byte> body, Type type)
    {
        if (body.IsEmpty)
        {
            throw new BodyFormatException("The request body is empty; a JSON value is required.");
        }

        // The reader validates UTF-8 only in the tokens it decodes; property names and values it skips are not checked.
        if (!(body.IsSingleSegment ? Utf8.IsValid(body.FirstSpan) : Utf8.IsValid(body.ToArray())))
        {
            throw new BodyFormatException("Malformed JSON body: invalid UTF-8.");
        }

        var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = Options.MaxDepth });
        try
        {
            var value = JsonSerializer.Deserialize(ref reader, Options.GetTypeInfo(type));

            // Anything but whitespace after the value makes Read throw ("expected end of data").
            reader.Read();
            return value;
        }
        catch (JsonException ex)
        {
            throw new BodyFormatException(Describe(ex, Options.GetTypeInfo(type)), ex);
        }
    }

    // JsonException messages can quote the offending token (payload): report the kind of problem and where it is.
    private static string Describe(JsonException ex, JsonTypeInfo root)
    {
        var message = ex.Message;
        var problem = message switch
        {
            _ when message.StartsWith("Duplicate", StringComparison.Ordinal) => "duplicate property",
            _ when message.Contains("after a single JSON value", StringComparison.Ordinal) => "unexpected content after the JSON value",
            _ when message.Contains("maximum configured depth", StringComparison.Ordinal) => "nesting deeper than the maximum depth",
            _ when message.Contains("UTF-8", StringComparison.OrdinalIgnoreCase) || ex.InnerException?.Message.Contains("UTF-8", StringComparison.OrdinalIgnoreCase) == true => "the body is not valid UTF-8",
            _ when message.Contains("could not be converted", StringComparison.Ordinal) => "a value does not match the expected type",
            _ when message.Contains("end of data", StringComparison.Ordinal) || message.Contains("should be closed", StringComparison.Ordinal) => "the JSON is incomplete (truncated)",
            _ => "invalid JSON",
        };
        var where = ex.LineNumber is { } line ? $" at line {line + 1}, byte {(ex.BytePositionInLine ?? 0) + 1}" : string.Empty;
        var path = ex.Path is { Length: > 1 } p && SchemaPath(root, p) is { Length: > 1 } schema ? $", path '{schema}'" : string.Empty;
        return $"Malformed JSON body: {problem}{where}{path}.";
    }

    /// <summary>
    /// The error's JSON path rewritten with the names the target type declares: property names as declared, array indexes,
    /// and <c>*</c> for a dictionary key (client text). Parsing stops at the first segment the type does not explain, so
    /// nothing the client chose is ever echoed.
    /// </summary>
    private static string SchemaPath(JsonTypeInfo root, string path)
    {
        var result = new StringBuilder("$");
        var current = root;
        var position = 1;
        while (position < path.Length)
        {
            if (current.Kind == JsonTypeInfoKind.Enumerable && path[position] == '[' && path.IndexOf(']', position) is var close and > 0
                && int.TryParse(path.AsSpan(position + 1, close - position - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var index))
            {
                result.Append('[').Append(index).Append(']');
                position = close + 1;
            }
            else if (current.Kind is JsonTypeInfoKind.Dictionary or JsonTypeInfoKind.Object && ReadName(path, ref position) is { } name)
            {
                if (current.Kind == JsonTypeInfoKind.Dictionary)
                {
                    result.Append(".*");
                }
                else if (current.Properties.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)) is { } property)
                {
                    result.Append('.').Append(property.Name);
                    current = current.Options.GetTypeInfo(property.PropertyType);
                    continue;
                }
                else
                {
                    break;
                }
            }
            else
            {
                break;
            }

            if (current.ElementType is not { } element)
            {
                break;
            }

            current = current.Options.GetTypeInfo(element);
        }

        return result.ToString();
    }

    /// <summary>Reads a <c>.name</c> or <c>['name']</c> segment of a System.Text.Json path; null when there is none.</summary>
    private static string? ReadName(string path, ref int position)
    {
        if (path[position] == '.')
        {
            var end = path.IndexOfAny(['.', '['], position + 1);
            end = end < 0 ? path.Length : end;
            var name = path[(position + 1)..end];
            position = end;
            return name;
        }

        // "['name']", written for names with special characters; anything else is not a name (stays put, null).
        var close = path.AsSpan(position).StartsWith("['", StringComparison.Ordinal) ? path.IndexOf("']", position + 2, StringComparison.Ordinal) : -1;
        var bracketed = close > 0 ? path[(position + 2)..close] : null;
        position = close > 0 ? close + 2 : position;
        return bracketed;
    }
}
