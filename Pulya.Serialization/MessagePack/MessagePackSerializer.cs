using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Buffers;
using System.Text.Unicode;
using MessagePack;
using Microsoft.Extensions.Options;
using MessagePackCodec = MessagePack.MessagePackSerializer;

namespace Pulya.Serialization;

/// <summary>
/// The <c>MessagePack</c> serializer (media types <c>application/msgpack</c> and <c>application/x-msgpack</c>):
/// MessagePack-CSharp 2.5 with options built once from <see cref="MessagePackOptions"/>. Writes straight into the
/// response writer and reads from the body's byte sequence. Reads under <see cref="MessagePackSecurity.UntrustedData"/>
/// with the depth bounded (64 by default); truncated data, length headers larger than the body, LZ4 data when
/// compression is off, and trailing bytes are rejected. Formatters are cached per type.
/// </summary>
[RequiresDynamicCode(DynamicCodeRequirement.Message)]
[RequiresUnreferencedCode(DynamicCodeRequirement.Message)]
public sealed class MessagePackSerializer : IPulyaSerializer
{
    /// <summary>The name the serializer is registered and selected under.</summary>
    public const string Name = "MessagePack";

    private static readonly string[] MessagePackMediaTypes = ["application/msgpack", "application/x-msgpack"];

    /// <summary>Creates the serializer from <paramref name="options"/>, validated first.</summary>
    /// <exception cref="OptionsValidationException">The resolver is unsafe (see <see cref="MessagePackOptions"/>).</exception>
    public MessagePackSerializer(IOptions<MessagePackOptions> options)
    {
        DynamicCodeRequirement.Require(RuntimeFeature.IsDynamicCodeSupported, Name);
        ArgumentNullException.ThrowIfNull(options);
        var value = options.Value;
        var validation = new MessagePackOptionsValidator().Validate(Name, value);
        if (validation.Failed)
        {
            throw new OptionsValidationException(Name, typeof(MessagePackOptions), validation.Failures);
        }

        Options = MessagePackSerializerOptions.Standard
            .WithResolver(value.Resolver)
            .WithCompression(value.Compression)
            .WithSecurity(MessagePackSecurity.UntrustedData.WithMaximumObjectGraphDepth(value.MaximumObjectGraphDepth));
    }

    /// <summary>The options every call uses (immutable; the <c>With…</c> methods return copies).</summary>
    public MessagePackSerializerOptions Options { get; }

    /// <inheritdoc />
    public string ContentType => "application/msgpack";

    /// <inheritdoc />
    public IReadOnlyList<string> MediaTypes => MessagePackMediaTypes;

    /// <inheritdoc />
    public void Prepare(Type type) => Options.Resolver.GetFormatterDynamic(type);

    /// <inheritdoc />
    public void Serialize(IBufferWriter<byte> output, object? value, Type type) =>
        MessagePackCodec.Serialize(type, output, value, Options);

    /// <inheritdoc />
    public object? Deserialize(ReadOnlySequence<byte> body, Type type)
    {
        if (body.IsEmpty)
        {
            throw new BodyFormatException("The request body is empty; a MessagePack value is required.");
        }

        var reader = new MessagePackReader(body);
        if (Options.Compression == MessagePackCompression.None && IsLz4(reader))
        {
            throw new BodyFormatException("MessagePack body is LZ4-compressed, but compression is off (MessagePackOptions.Compression).");
        }

        object? value;
        try
        {
            RefuseInvalidUtf8(reader);
            value = MessagePackCodec.Deserialize(type, ref reader, Options);
        }
        catch (MessagePackSerializationException ex)
        {
            throw new BodyFormatException(Describe(ex), ex);
        }

        if (!reader.End)
        {
            throw new BodyFormatException($"Malformed MessagePack body: unexpected content after the value, at byte {reader.Consumed}.");
        }

        return value;
    }

    /// <summary>
    /// Refuses a str whose bytes are not UTF-8 anywhere in the body (MessagePack-CSharp would decode it to U+FFFD, where
    /// the JSON serializers answer 400). One pass, no recursion (a million-deep array costs no stack), no allocation.
    /// </summary>
    private static void RefuseInvalidUtf8(MessagePackReader reader)
    {
        try
        {
            ScanStrings(ref reader);
        }
        catch (Exception ex) when (ex is EndOfStreamException or MessagePackSerializationException or ArgumentOutOfRangeException or OverflowException)
        {
            // Truncated, garbage or a length bomb (a 32-bit length above int.MaxValue is out of range for the reader): the deserializer reports it in its own words.
        }
    }

    private static void ScanStrings(ref MessagePackReader reader)
    {
        long pending = 1;
        while (pending-- > 0)
        {
            switch (reader.NextMessagePackType)
            {
                case MessagePackType.String:
                    if (reader.ReadStringSequence() is { } text && !(text.IsSingleSegment ? Utf8.IsValid(text.FirstSpan) : Utf8.IsValid(text.ToArray())))
                    {
                        throw new BodyFormatException($"Malformed MessagePack body: a string is not valid UTF-8, ending at byte {reader.Consumed}.");
                    }

                    break;
                case MessagePackType.Array:
                    pending += reader.ReadArrayHeader();
                    break;
                case MessagePackType.Map:
                    pending += 2L * reader.ReadMapHeader();
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }
    }

    /// <summary>
    /// True when the body starts like MessagePack-CSharp's LZ4 formats (extension 99, or an array whose first element is
    /// extension 98). The library would decompress those even with compression off, allocating whatever length they declare.
    /// </summary>
    private static bool IsLz4(MessagePackReader reader)
    {
        try
        {
            if (reader.NextMessagePackType == MessagePackType.Array && reader.ReadArrayHeader() == 0)
            {
                return false;
            }

            return reader.NextMessagePackType == MessagePackType.Extension && reader.ReadExtensionFormatHeader().TypeCode is 98 or 99;
        }
        catch (EndOfStreamException)
        {
            // Truncated or a length bomb: the deserializer reports it.
            return false;
        }
    }

    // The library's messages can name types and codes; say only which kind of problem it was.
    private string Describe(MessagePackSerializationException ex)
    {
        for (Exception? inner = ex; inner is not null; inner = inner.InnerException)
        {
            switch (inner)
            {
                case EndOfStreamException:
                    return "Malformed MessagePack body: the data ends early (truncated, or a length larger than the body).";
                case InsufficientExecutionStackException:
                    return $"Malformed MessagePack body: nested deeper than {Options.Security.MaximumObjectGraphDepth} levels.";
            }
        }

        return "MessagePack body does not match the expected type, or is not valid MessagePack.";
    }
}
