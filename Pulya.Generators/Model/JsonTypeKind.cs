namespace Pulya.Generators.Model;

/// <summary>How a JSON type's metadata is made: the <c>JsonMetadataServices</c> factory it is built with.</summary>
internal enum JsonTypeKind
{
    /// <summary>A built-in converter (<c>JsonMetadataServices.Int32Converter</c>...).</summary>
    Value,
    Nullable,
    Enum,
    Array,
    List,
    Dictionary,
    IEnumerable,
    IList,
    ICollection,
    IDictionary,
    IReadOnlyDictionary,
    Object,
}
