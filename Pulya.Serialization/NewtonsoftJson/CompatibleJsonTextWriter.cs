using System.Globalization;
using System.Text.Encodings.Web;
using Newtonsoft.Json;

namespace Pulya.Serialization;

/// <summary>
/// A <see cref="JsonTextWriter"/> that writes numbers and strings exactly as the core's System.Text.Json serializer
/// does, so both JSON serializers produce the same bytes:
/// <list type="bullet">
/// <item><see cref="double"/>, <see cref="float"/>, <see cref="decimal"/> in the shortest round-trip form (<c>1</c>, not
/// Newtonsoft's <c>1.0</c>). Non-finite values (NaN, ±Infinity) are not JSON numbers: refused with a
/// <see cref="JsonWriterException"/> as System.Text.Json refuses them (the response is a 500), unless the settings
/// opt in with <see cref="FloatFormatHandling.Symbol"/> or <see cref="FloatFormatHandling.DefaultValue"/>.</item>
/// <item>With <see cref="StringEscapeHandling.Default"/>, strings and property names escaped as by
/// <see cref="JavaScriptEncoder.UnsafeRelaxedJsonEscaping"/>: text that needs no escaping, or only the escapes both
/// libraries write alike (<c>\"</c>, <c>\\</c>, <c>\n</c>, <c>\r</c>, <c>\t</c>, <c>\b</c>, <c>\f</c>), takes
/// Newtonsoft's own path; the rest (other control characters, characters outside the basic plane such as emoji,
/// unassigned code points) is escaped by the encoder, at the cost of one string for that value.</item>
/// </list>
/// </summary>
internal sealed class CompatibleJsonTextWriter(TextWriter textWriter) : JsonTextWriter(textWriter)
{
    private static readonly JavaScriptEncoder Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    public override void WriteValue(double value)
    {
        if (double.IsFinite(value))
        {
            WriteRawValue(value.ToString(CultureInfo.InvariantCulture));
            return;
        }

        RefuseNonFiniteUnlessOptedIn();
        base.WriteValue(value);
    }

    public override void WriteValue(double? value)
    {
        if (value is { } number)
        {
            WriteValue(number);
            return;
        }

        WriteNull();
    }

    public override void WriteValue(float value)
    {
        if (float.IsFinite(value))
        {
            WriteRawValue(value.ToString(CultureInfo.InvariantCulture));
            return;
        }

        RefuseNonFiniteUnlessOptedIn();
        base.WriteValue(value);
    }

    public override void WriteValue(float? value)
    {
        if (value is { } number)
        {
            WriteValue(number);
            return;
        }

        WriteNull();
    }

    public override void WriteValue(decimal value) => WriteRawValue(value.ToString(CultureInfo.InvariantCulture));

    public override void WriteValue(decimal? value)
    {
        if (value is { } number)
        {
            WriteValue(number);
            return;
        }

        WriteNull();
    }

    public override void WriteValue(string? value)
    {
        if (value is null || !NeedsEncoder(value))
        {
            base.WriteValue(value);
            return;
        }

        WriteRawValue(string.Concat("\"", Encoder.Encode(value), "\""));
    }

    public override void WriteValue(char value) => WriteValue(value.ToString());

    public override void WritePropertyName(string name) => WritePropertyName(name, escape: true);

    public override void WritePropertyName(string name, bool escape)
    {
        if (escape && NeedsEncoder(name))
        {
            base.WritePropertyName(Encoder.Encode(name), escape: false);
            return;
        }

        base.WritePropertyName(name, escape);
    }

    /// <summary>True when <paramref name="text"/> holds a character System.Text.Json escapes differently from Newtonsoft.</summary>
    private bool NeedsEncoder(string text)
    {
        if (StringEscapeHandling != StringEscapeHandling.Default)
        {
            return false;
        }

        var rest = text.AsSpan();
        while (true)
        {
            var index = FindFirstCharacterToEncode(rest);
            if (index < 0)
            {
                return false;
            }

            if (rest[index] is not ('"' or '\\' or '\n' or '\r' or '\t' or '\b' or '\f'))
            {
                return true;
            }

            rest = rest[(index + 1)..];
        }
    }

    private static unsafe int FindFirstCharacterToEncode(ReadOnlySpan<char> text)
    {
        fixed (char* start = text)
        {
            return Encoder.FindFirstCharacterToEncode(start, text.Length);
        }
    }

    private void RefuseNonFiniteUnlessOptedIn()
    {
        if (FloatFormatHandling == FloatFormatHandling.String)
        {
            throw new JsonWriterException("NaN and infinite values are not valid JSON numbers.");
        }
    }
}
