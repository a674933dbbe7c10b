using System.Buffers;
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

    /// <summary>Creates the serializer with <see cref="CreateDefaultOptions"/>.</summary>
    public SystemTextJsonSerializer()
        : this(CreateDefaultOptions())
    {
    }

    /// <summary>Creates the serializer with a copy of <paramref name="options"/>, frozen.</summary>
    public SystemTextJsonSerializer(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = new JsonSerializerOptions(options);
        Options.TypeInfoResolver ??= new DefaultJsonTypeInfoResolver();
        Options.MakeReadOnly();
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
    public static JsonSerializerOptions CreateDefaultOptions() => new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        PropertyNameCaseInsensitive = true,
        DictionaryKeyPolicy = null,
        MaxDepth = 64,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        ReadCommentHandling = JsonCommentHandling.Disallow,
        AllowTrailingCommas = false,
        NumberHandling = JsonNumberHandling.Strict,
        AllowDuplicateProperties = false,
    };

    /// <inheritdoc />
    public void Prepare(Type type) => Options.GetTypeInfo(type);

    /// <inheritdoc />
    public void Serialize(IBufferWriter<byte> output, object? value, Type type)
    {
        using var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Encoder = Options.Encoder, SkipValidation = true, MaxDepth = Options.MaxDepth });
        JsonSerializer.Serialize(writer, value, Options.GetTypeInfo(type));
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
            throw new BodyFormatException(Describe(ex), ex);
        }
    }

    // JsonException messages can quote the offending token (payload): report the kind of problem and where it is.
    private static string Describe(JsonException ex)
    {
        var message = ex.Message;
        var problem = message switch
        {
            _ when message.Contains("after a single JSON value", StringComparison.Ordinal) => "unexpected content after the JSON value",
            _ when message.Contains("maximum configured depth", StringComparison.Ordinal) => "nesting deeper than the maximum depth",
            _ when message.Contains("UTF-8", StringComparison.OrdinalIgnoreCase) || ex.InnerException?.Message.Contains("UTF-8", StringComparison.OrdinalIgnoreCase) == true => "the body is not valid UTF-8",
            _ when message.Contains("could not be converted", StringComparison.Ordinal) => "a value does not match the expected type",
            _ when message.Contains("end of data", StringComparison.Ordinal) || message.Contains("should be closed", StringComparison.Ordinal) => "the JSON is incomplete (truncated)",
            _ => "invalid JSON",
        };
        var where = ex.LineNumber is { } line ? $" at line {line + 1}, byte {(ex.BytePositionInLine ?? 0) + 1}" : string.Empty;
        var path = ex.Path is { Length: > 1 } p ? $", path '{p}'" : string.Empty;
        return $"Malformed JSON body: {problem}{where}{path}.";
    }
}
