using System.Buffers;

namespace Pulya.Serialization;

/// <summary>
/// Writes response values and reads request bodies in one format. Registered as a keyed service under its name
/// (e.g. <c>SystemTextJson</c>); <see cref="PulyaOptions.Serializer"/> picks the default and the others take part in
/// content negotiation. Implementations are thread-safe and hold no per-request state.
/// </summary>
public interface IPulyaSerializer
{
    /// <summary>The <c>Content-Type</c> header value written with responses, e.g. <c>application/json; charset=utf-8</c>.</summary>
    string ContentType { get; }

    /// <summary>The media types (without parameters, lower case) this serializer reads and writes; the first is canonical.</summary>
    IReadOnlyList<string> MediaTypes { get; }

    /// <summary>
    /// Builds and caches the metadata for <paramref name="type"/>; called at start-up for every handler body and return
    /// type: for the selected serializer before the server listens (a failure stops the start-up), for the ones registered
    /// for negotiation right after it, so possibly while requests are served (like <see cref="Serialize"/>, it must be thread-safe).
    /// </summary>
    void Prepare(Type type);

    /// <summary>Writes <paramref name="value"/> as <paramref name="type"/> straight into <paramref name="output"/> (no intermediate buffer).</summary>
    void Serialize(IBufferWriter<byte> output, object? value, Type type);

    /// <summary>Reads a value of <paramref name="type"/> from the complete request body.</summary>
    /// <exception cref="BodyFormatException">The body is malformed; the message names the problem without echoing the payload.</exception>
    object? Deserialize(ReadOnlySequence<byte> body, Type type);
}
