using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Buffers;
using System.Text;
using Microsoft.Extensions.Options;
using Newtonsoft.Json;

namespace Pulya.Serialization;

/// <summary>
/// The <c>NewtonsoftJson</c> serializer: Newtonsoft.Json with settings copied once from <see cref="NewtonsoftJsonOptions"/>.
/// Writes through a <see cref="JsonTextWriter"/> over a pooled UTF-8 adapter straight into the response writer, and
/// reads through a <see cref="JsonTextReader"/> over a UTF-8 decoder of the body's byte sequence (no string of the
/// whole payload either way). With the default settings it writes the same bytes as the core's <c>SystemTextJson</c> serializer.
/// Invalid UTF-8, trailing content, nesting deeper than <c>MaxDepth</c> (64), duplicate property names and escaped
/// unpaired surrogates are rejected, as the core SystemTextJson serializer rejects them; contracts are cached per type.
/// </summary>
[RequiresDynamicCode(DynamicCodeRequirement.Message)]
[RequiresUnreferencedCode(DynamicCodeRequirement.Message)]
public sealed class NewtonsoftJsonSerializer : IPulyaSerializer
{
    /// <summary>The name the serializer is registered and selected under.</summary>
    public const string Name = "NewtonsoftJson";

    private static readonly string[] JsonMediaTypes = ["application/json"];

    private readonly JsonSerializer _serializer;

    /// <summary>Creates the serializer from <paramref name="options"/>, validated first.</summary>
    /// <exception cref="OptionsValidationException">The settings are unsafe (see <see cref="NewtonsoftJsonOptions"/>).</exception>
    public NewtonsoftJsonSerializer(IOptions<NewtonsoftJsonOptions> options)
    {
        DynamicCodeRequirement.Require(RuntimeFeature.IsDynamicCodeSupported, Name);
        ArgumentNullException.ThrowIfNull(options);
        var value = options.Value;
        var validation = new NewtonsoftJsonOptionsValidator().Validate(Name, value);
        if (validation.Failed)
        {
            throw new OptionsValidationException(Name, typeof(NewtonsoftJsonOptions), validation.Failures);
        }

        var settings = new JsonSerializerSettings(value.SerializerSettings);
        settings.Converters = [.. settings.Converters, new StrictIntegerConverter()];
        _serializer = JsonSerializer.Create(settings);
        MaxDepth = settings.MaxDepth!.Value;
    }

    /// <inheritdoc />
    public string ContentType => "application/json; charset=utf-8";

    /// <inheritdoc />
    public IReadOnlyList<string> MediaTypes => JsonMediaTypes;

    /// <summary>The maximum nesting depth of a request body. Defaults to 64.</summary>
    public int MaxDepth { get; }

    /// <inheritdoc />
    public void Prepare(Type type) => _serializer.ContractResolver.ResolveContract(type);

    /// <inheritdoc />
    public void Serialize(IBufferWriter<byte> output, object? value, Type type)
    {
        var text = Utf8BufferTextWriter.Rent(output);
        try
        {
            using (var writer = new CompatibleJsonTextWriter(text) { ArrayPool = JsonCharArrayPool.Instance, CloseOutput = false })
            {
                _serializer.Serialize(writer, value, type);
            }

            text.Flush();
        }
        finally
        {
            Utf8BufferTextWriter.Return(text);
        }
    }

    /// <inheritdoc />
    public object? Deserialize(ReadOnlySequence<byte> body, Type type)
    {
        ValidateSyntax(body);
        var text = Utf8SequenceTextReader.Rent(body);
        try
        {
            // ValidateSyntax has refused empty bodies, trailing content and excess depth: what is left are values that do
            // not fit the type (JsonSerializationException) or numbers out of range (JsonReaderException).
            using var reader = new StrictJsonTextReader(text) { ArrayPool = JsonCharArrayPool.Instance, CloseInput = false };
            return _serializer.Deserialize(reader, type);
        }
        catch (JsonReaderException ex)
        {
            throw new BodyFormatException(Describe(ex, ex.LineNumber, ex.LinePosition), ex);
        }
        catch (JsonSerializationException ex)
        {
            throw new BodyFormatException(Describe(ex, ex.LineNumber, ex.LinePosition), ex);
        }
        catch (DecoderFallbackException ex)
        {
            throw new BodyFormatException("Malformed JSON body: the bytes are not valid UTF-8.", ex);
        }
        finally
        {
            Utf8SequenceTextReader.Return(text);
        }
    }

    // Newtonsoft.Json accepts comments, single-quoted strings, unquoted names, trailing commas and raw control characters
    // in strings; System.Text.Json refuses them. A strict scan first (Utf8JsonReader: no allocation) makes both JSON
    // serializers answer such bodies with 400, so swapping them does not change what a client sees.
    private void ValidateSyntax(ReadOnlySequence<byte> body)
    {
        if (body.IsEmpty)
        {
            throw new BodyFormatException("The request body is empty; a JSON value is required.");
        }

        var reader = new System.Text.Json.Utf8JsonReader(body, new System.Text.Json.JsonReaderOptions { MaxDepth = MaxDepth });
        Stack<HashSet<string>>? objects = null;
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case System.Text.Json.JsonTokenType.StartObject:
                        (objects ??= new()).Push(new HashSet<string>(StringComparer.Ordinal));
                        break;
                    case System.Text.Json.JsonTokenType.EndObject:
                        objects!.Pop();
                        break;
                    case System.Text.Json.JsonTokenType.PropertyName:
                        // Newtonsoft keeps the last of two equal names; System.Text.Json refuses them: refuse here too.
                        if (!objects!.Peek().Add(reader.GetString()!))
                        {
                            throw new BodyFormatException($"Malformed JSON body: duplicate property at byte {reader.TokenStartIndex + 1}.");
                        }

                        break;
                    case System.Text.Json.JsonTokenType.String when reader.ValueIsEscaped:
                        // Decoding refuses an escaped unpaired surrogate ("\ud800"), which Newtonsoft would turn into U+FFFD.
                        _ = reader.GetString();
                        break;
                }
            }
        }
        catch (InvalidOperationException ex)
        {
            throw new BodyFormatException($"Malformed JSON body: a string escapes an unpaired surrogate, at byte {reader.TokenStartIndex + 1}.", ex);
        }
        catch (System.Text.Json.JsonException ex)
        {
            var where = $"at line {(ex.LineNumber ?? 0) + 1}, position {(ex.BytePositionInLine ?? 0) + 1}";
            throw new BodyFormatException(
                ex.Message.Contains("maximum configured depth", StringComparison.Ordinal)
                    ? $"Malformed JSON body: nested deeper than {MaxDepth} levels, {where}."
                    : $"Malformed JSON body: not strict JSON (comments, single quotes, trailing commas, control characters and content after the value are refused), {where}.",
                ex);
        }
    }

    // Newtonsoft's messages quote the offending value (payload); report only what went wrong and where.
    private static string Describe(JsonException ex, int line, int position)
    {
        var where = $"at line {line}, position {position}";
        return ex is JsonSerializationException
            ? $"JSON body does not match the expected type {where}."
            : $"Malformed JSON body: a value is out of range for its type {where}.";
    }
}
