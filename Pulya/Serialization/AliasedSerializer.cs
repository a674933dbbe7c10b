using System.Buffers;

namespace Pulya.Serialization;

/// <summary>
/// A serializer answering under one of its other media types (<c>application/x-msgpack</c> for a client that asked for
/// exactly that): the same format, the content type the client named. Created once per alias at start-up.
/// </summary>
internal sealed class AliasedSerializer(IPulyaSerializer inner, string mediaType) : IPulyaSerializer
{
    /// <summary>The alias, with the parameters of the serializer's own content type (a charset).</summary>
    public string ContentType { get; } = inner.ContentType.IndexOf(';', StringComparison.Ordinal) is var semicolon and >= 0
        ? mediaType + inner.ContentType[semicolon..]
        : mediaType;

    public IReadOnlyList<string> MediaTypes => inner.MediaTypes;

    public void Prepare(Type type) => inner.Prepare(type);

    public void Serialize(IBufferWriter<byte> output, object? value, Type type) => inner.Serialize(output, value, type);

    public object? Deserialize(ReadOnlySequence<byte> body, Type type) => inner.Deserialize(body, type);
}
