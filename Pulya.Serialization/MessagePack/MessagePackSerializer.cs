using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Text;
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
            RefuseWhatJsonRefuses(reader);
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
    /// Refuses what the JSON serializers answer with 400 but MessagePack-CSharp would accept: a str whose bytes are not
    /// UTF-8 (decoded to U+FFFD otherwise) and a map with the same string key twice (the last one would win silently).
    /// One pass, no recursion; a frame is kept only for a container that still has items after its child (so a
    /// million-deep single-element nesting costs nothing) and the scan stops at the configured maximum depth, which
    /// the deserializer then reports.
    /// </summary>
    private void RefuseWhatJsonRefuses(MessagePackReader reader)
    {
        try
        {
            Scan(ref reader, Options.Security.MaximumObjectGraphDepth);
        }
        catch (Exception ex) when (ex is EndOfStreamException or MessagePackSerializationException or ArgumentOutOfRangeException or OverflowException)
        {
            // Truncated, garbage or a length bomb (a 32-bit length above int.MaxValue is out of range for the reader): the deserializer reports it in its own words.
        }
    }

    private static void Scan(ref MessagePackReader reader, int maximumDepth)
    {
        var open = new Stack<ScanFrame>();
        var current = new ScanFrame(1, null);
        while (true)
        {
            while (current.Remaining == 0)
            {
                if (open.Count == 0)
                {
                    return;
                }

                current = open.Pop();
            }

            ScanFrame? next;
            var isKey = current.Keys is not null && current.Remaining % 2 == 0;
            current.Remaining--;
            switch (reader.NextMessagePackType)
            {
                case MessagePackType.String:
                    ScanString(ref reader, isKey ? current.Keys : null);
                    continue;
                case MessagePackType.Array:
                    next = Open(open, current, reader.ReadArrayHeader(), null, maximumDepth);
                    break;
                case MessagePackType.Map:
                    var entries = reader.ReadMapHeader();
                    next = Open(open, current, 2L * entries, new HashSet<string>(StringComparer.Ordinal), maximumDepth);
                    break;
                default:
                    reader.Skip();
                    continue;
            }

            if (next is null)
            {
                return;
            }

            current = next;
        }
    }

    /// <summary>The frame of a container just opened, its parent kept only while the parent has items left; null past the depth limit.</summary>
    private static ScanFrame? Open(Stack<ScanFrame> open, ScanFrame parent, long items, HashSet<string>? keys, int maximumDepth)
    {
        if (parent.Remaining > 0)
        {
            if (open.Count >= maximumDepth)
            {
                return null;
            }

            open.Push(parent);
        }

        return new ScanFrame(items, keys);
    }

    private static void ScanString(ref MessagePackReader reader, HashSet<string>? keys)
    {
        // Never nil here: the caller saw a str.
        var text = reader.ReadStringSequence()!.Value;
        ReadOnlySpan<byte> bytes = text.IsSingleSegment ? text.FirstSpan : text.ToArray();
        if (!Utf8.IsValid(bytes))
        {
            throw new BodyFormatException($"Malformed MessagePack body: a string is not valid UTF-8, ending at byte {reader.Consumed}.");
        }

        if (keys is not null && !keys.Add(Encoding.UTF8.GetString(bytes)))
        {
            throw new BodyFormatException($"Malformed MessagePack body: duplicate property in a map, ending at byte {reader.Consumed}.");
        }
    }

    /// <summary>An open array or map: items still to read, and for a map the string keys seen so far.</summary>
    private sealed class ScanFrame(long remaining, HashSet<string>? keys)
    {
        public long Remaining { get; set; } = remaining;

        public HashSet<string>? Keys { get; } = keys;
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
                case BodyFormatException format:
                    return format.Message;
                case InsufficientExecutionStackException:
                    return $"Malformed MessagePack body: nested deeper than {Options.Security.MaximumObjectGraphDepth} levels.";
            }
        }

        return "MessagePack body does not match the expected type, or is not valid MessagePack.";
    }
}
