using MessagePack;
using MessagePack.Resolvers;

namespace Pulya.Serialization;

/// <summary>
/// Options of the <c>MessagePack</c> serializer, set with <c>AddMessagePack(o => ...)</c>; read once at start-up.
/// Request bodies are always read under <see cref="MessagePackSecurity.UntrustedData"/> (collision-resistant hashing,
/// bounded depth); a resolver whose formatter for <see cref="object"/> is the Typeless one is refused at start-up.
/// </summary>
public sealed class MessagePackOptions
{
    private int _maximumObjectGraphDepth = 64;

    /// <summary>
    /// The formatter resolver. Defaults to <see cref="JsonPropertyNamesResolver.Instance"/>: the standard resolvers
    /// (built-in types, collections, <c>[MessagePackObject]</c> types), then plain classes and records without
    /// attributes as maps keyed by the names the JSON serializers write (e.g. <c>items</c>, honouring
    /// <c>[JsonPropertyName]</c> and <c>[JsonIgnore]</c>). Set <see cref="ContractlessStandardResolver.Instance"/> to key
    /// them by their .NET member names (e.g. <c>Items</c>) instead. Never a Typeless resolver.
    /// </summary>
    public IFormatterResolver Resolver { get; set; } = JsonPropertyNamesResolver.Instance;

    /// <summary>LZ4 compression of written bodies (and acceptance of compressed request bodies). Defaults to <see cref="MessagePackCompression.None"/>.</summary>
    public MessagePackCompression Compression { get; set; } = MessagePackCompression.None;

    /// <summary>The deepest object graph a request body may hold. Defaults to 64, the same as the JSON serializers.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is zero or negative.</exception>
    public int MaximumObjectGraphDepth
    {
        get => _maximumObjectGraphDepth;
        set
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value);
            _maximumObjectGraphDepth = value;
        }
    }
}
