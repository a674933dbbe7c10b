using System.Globalization;
using System.Numerics;
using Newtonsoft.Json;

namespace Pulya.Serialization;

/// <summary>
/// A <see cref="JsonTextReader"/> that converts between JSON types no more than System.Text.Json does: a string is not
/// a number or a boolean (<c>"12"</c> for an <c>int</c>), and a number or boolean is not a string (<c>12345</c> for a
/// <c>string</c>). Newtonsoft.Json would coerce both; refusing them keeps the two JSON serializers answering alike.
/// Integer types Newtonsoft reads without a typed read method are held to the same rule by <see cref="StrictIntegerConverter"/>.
/// </summary>
internal sealed class StrictJsonTextReader(TextReader reader) : JsonTextReader(reader)
{
    public override string? ReadAsString() => Next() switch
    {
        JsonToken.String => (string?)Value,
        JsonToken.Null or JsonToken.None or JsonToken.EndArray => null,
        _ => throw Mismatch("a string"),
    };

    public override int? ReadAsInt32()
    {
        if (Next() is JsonToken.Null or JsonToken.None or JsonToken.EndArray)
        {
            return null;
        }

        var value = Integer(this, "an integer") is var big && big >= int.MinValue && big <= int.MaxValue ? (int)big : throw OutOfRange(this, "a 32-bit integer");
        SetToken(JsonToken.Integer, value, updateIndex: false);
        return value;
    }

    public override double? ReadAsDouble()
    {
        if (Next() is JsonToken.Null or JsonToken.None or JsonToken.EndArray)
        {
            return null;
        }

        var value = TokenType is JsonToken.Integer or JsonToken.Float ? Convert.ToDouble(Value, CultureInfo.InvariantCulture) : throw Mismatch("a number");
        SetToken(JsonToken.Float, value, updateIndex: false);
        return value;
    }

    public override decimal? ReadAsDecimal()
    {
        // Floats parse as decimal here so that 28 significant digits survive, as System.Text.Json keeps them.
        var saved = FloatParseHandling;
        FloatParseHandling = FloatParseHandling.Decimal;
        try
        {
            if (Next() is JsonToken.Null or JsonToken.None or JsonToken.EndArray)
            {
                return null;
            }
        }
        finally
        {
            FloatParseHandling = saved;
        }

        var value = TokenType is JsonToken.Integer or JsonToken.Float ? ToDecimal(Value!) : throw Mismatch("a number");
        SetToken(JsonToken.Float, value, updateIndex: false);
        return value;
    }

    public override bool? ReadAsBoolean() => Next() switch
    {
        JsonToken.Boolean => (bool)Value!,
        JsonToken.Null or JsonToken.None or JsonToken.EndArray => null,
        _ => throw Mismatch("true or false"),
    };

    /// <summary>The value of the current Integer token (any size); anything else is a mismatch.</summary>
    internal static BigInteger Integer(JsonReader reader, string expected) => reader.TokenType == JsonToken.Integer
        ? reader.Value is BigInteger big ? big : new BigInteger(Convert.ToInt64(reader.Value, CultureInfo.InvariantCulture))
        : throw Mismatch(reader, expected);

    internal static JsonSerializationException Mismatch(JsonReader reader, string expected) =>
        new($"Expected {expected}, found {reader.TokenType}.", reader.Path, (reader as IJsonLineInfo)?.LineNumber ?? 0, (reader as IJsonLineInfo)?.LinePosition ?? 0, null);

    /// <summary>A number that does not fit its field: reported as Newtonsoft reports it, a reader error (value out of range).</summary>
    internal static JsonReaderException OutOfRange(JsonReader reader, string expected) =>
        new($"Expected {expected}, the value is out of range.", reader.Path, (reader as IJsonLineInfo)?.LineNumber ?? 0, (reader as IJsonLineInfo)?.LinePosition ?? 0, null);

    private static decimal ToDecimal(object value) => value switch
    {
        BigInteger big => (decimal)big,
        _ => Convert.ToDecimal(value, CultureInfo.InvariantCulture),
    };

    private JsonToken Next()
    {
        // Skip comments: the strict scan has refused them already, this keeps the contract of the ReadAs methods.
        Read();
        return TokenType;
    }

    private JsonSerializationException Mismatch(string expected) => Mismatch(this, expected);
}
