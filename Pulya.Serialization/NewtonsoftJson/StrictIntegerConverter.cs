using System.Numerics;
using Newtonsoft.Json;

namespace Pulya.Serialization;

/// <summary>
/// Reads <c>long</c>, <c>ulong</c>, <c>uint</c>, <c>ushort</c> and <c>sbyte</c> (and their nullable forms) from JSON
/// integers only: Newtonsoft.Json would convert a string such as <c>"12"</c>; System.Text.Json refuses it. Writing is
/// Newtonsoft's own.
/// </summary>
internal sealed class StrictIntegerConverter : JsonConverter
{
    private static readonly Dictionary<Type, (BigInteger Min, BigInteger Max, Func<BigInteger, object> Convert)> Ranges = new()
    {
        [typeof(long)] = (long.MinValue, long.MaxValue, b => (long)b),
        [typeof(ulong)] = (ulong.MinValue, ulong.MaxValue, b => (ulong)b),
        [typeof(uint)] = (uint.MinValue, uint.MaxValue, b => (uint)b),
        [typeof(ushort)] = (ushort.MinValue, ushort.MaxValue, b => (ushort)b),
        [typeof(sbyte)] = (sbyte.MinValue, sbyte.MaxValue, b => (sbyte)b),
    };

    public override bool CanWrite => false;

    public override bool CanConvert(Type objectType) => Ranges.ContainsKey(Nullable.GetUnderlyingType(objectType) ?? objectType);

    public override object? ReadJson(JsonReader reader, Type objectType, object? existingValue, JsonSerializer serializer)
    {
        var underlying = Nullable.GetUnderlyingType(objectType);
        if (reader.TokenType == JsonToken.Null && underlying is not null)
        {
            return null;
        }

        var (min, max, convert) = Ranges[underlying ?? objectType];
        var value = StrictJsonTextReader.Integer(reader, "an integer");
        return value >= min && value <= max ? convert(value) : throw StrictJsonTextReader.OutOfRange(reader, $"an integer from {min} to {max}");
    }

    public override void WriteJson(JsonWriter writer, object? value, JsonSerializer serializer) => throw new NotSupportedException();
}
