using System.Text;
using Pulya.Serialization;
using static Pulya.Testing.Conformance.Serialization.ConformanceModels;

namespace Pulya.Testing.Conformance.Serialization;

/// <summary>
/// What both JSON serializers write and reject, byte for byte: camelCase property names (dictionary keys unchanged),
/// enums as camelCase strings, nulls written, ISO 8601 dates, shortest round-trip numbers, System.Text.Json's relaxed
/// escaping; property names matched case-insensitively; invalid UTF-8, comments-free trailing content and deep nesting
/// rejected.
/// </summary>
public abstract class JsonSerializerConformanceTests : SerializerConformanceTests
{
    /// <summary>Writes <paramref name="value"/> as <typeparamref name="T"/> and returns the JSON text.</summary>
    protected string Json<T>(T value) => Encoding.UTF8.GetString(Serialize(value));

    /// <summary>Writes camel case names string enums nulls and iso dates.</summary>
    [Fact]
    public void Writes_camel_case_names_string_enums_nulls_and_iso_dates()
    {
        Assert.Equal(
            "{\"number\":42,\"note\":null,\"kind\":\"secondValue\",\"customer\":{\"id\":7,\"name\":\"Zoë 中文 \\uD83D\\uDE00\",\"nickname\":null,\"kind\":\"first\"},"
            + "\"lines\":[{\"sku\":\"A-1\",\"quantity\":2,\"price\":9.99},{\"sku\":\"B-2\",\"quantity\":1,\"price\":100}],"
            + "\"counts\":{\"Red\":1,\"x-y\":2},\"people\":{\"First\":{\"id\":1,\"name\":\"Ann\",\"nickname\":\"A\",\"kind\":\"secondValue\"}},"
            + "\"tags\":[\"one\",null,\"three\"],\"optional\":null,\"paid\":true,\"created\":\"2026-11-27T04:33:28.123Z\","
            + "\"reference\":\"0f8fad5b-d9cb-469f-a165-70867728950e\"}",
            Json(SampleOrder()));
    }

    /// <summary>Writes numbers in shortest round trip form.</summary>
    [Fact]
    public void Writes_numbers_in_shortest_round_trip_form()
    {
        Assert.Equal(
            "{\"int\":12345,\"minInt\":-2147483648,\"long\":9223372036854775807,\"uLong\":18446744073709551615,\"double\":0.1,\"whole\":3,\"single\":1.5,\"decimal\":1.50,\"byte\":255,\"short\":-32768}",
            Json(new Numbers { Int = 12345, MinInt = int.MinValue, Long = long.MaxValue, ULong = ulong.MaxValue, Double = 0.1, Whole = 3, Single = 1.5f, Decimal = 1.50m, Byte = 255, Short = short.MinValue }));
        Assert.Equal("[1,2.5,1E+20,-0.001]", Json(new List<double> { 1, 2.5, 1e20, -0.001 }));
        Assert.Equal("[1,null]", Json(new List<decimal?> { 1m, null }));
        Assert.Equal("[2,null]", Json(new List<float?> { 2f, null }));
        Assert.Equal("[3,null]", Json(new List<double?> { 3d, null }));
    }

    /// <summary>Escapes only what json requires plus controls and non bmp characters.</summary>
    [Fact]
    public void Escapes_only_what_json_requires_plus_controls_and_non_bmp_characters()
    {
        Assert.Equal("\"héllo <b>&'+ 中文 \\\"q\\\" \\\\ \\n\\t\\r\\b\\f\"", Json("héllo <b>&'+ 中文 \"q\" \\ \n\t\r\b\f"));
        Assert.Equal("\"\\u0001\\u001F\\u007F\\u2028 \\uD83D\\uDE00\"", Json("\u0001\u001f\u007f\u2028 😀"));
        Assert.Equal("\"\\u0001\"", Json('\u0001'));
        Assert.Equal("{\"\\u00A0key\":1,\"plain\":2}", Json(new Dictionary<string, int> { ["\u00a0key"] = 1, ["plain"] = 2 }));
    }

    /// <summary>Writes the sample echo body as the python example does.</summary>
    [Fact]
    public void Writes_the_sample_echo_body_as_the_python_example_does()
    {
        Assert.Equal(
            "{\"items\":[{\"a\":\"a0\",\"b\":\"b0\",\"c\":\"c0\",\"d\":\"d0\",\"e\":\"e0\",\"f\":\"f0\",\"g\":\"g0\"}]}",
            Json(SampleEchoBody(1)));
    }

    /// <summary>Reads property names case insensitively and ignores unknown ones.</summary>
    [Fact]
    public void Reads_property_names_case_insensitively_and_ignores_unknown_ones()
    {
        var person = Deserialize<Person>(Encoding.UTF8.GetBytes("{\"ID\":3,\"Name\":\"x\",\"unknown\":[1,{\"a\":2}],\"kind\":\"SecondValue\"}"));

        Assert.Equal(new Person(3, "x", null, Kind.SecondValue), person);
    }

    /// <summary>Reads enums from names and numbers.</summary>
    [Fact]
    public void Reads_enums_from_names_and_numbers()
    {
        Assert.Equal(Kind.SecondValue, Deserialize<Person>("{\"kind\":\"secondValue\"}"u8.ToArray())!.Kind);
        Assert.Equal(Kind.SecondValue, Deserialize<Person>("{\"kind\":1}"u8.ToArray())!.Kind);
    }

    /// <summary>Reads a json null as null.</summary>
    [Fact]
    public void Reads_a_json_null_as_null() => Assert.Null(Deserialize<Person>("null"u8.ToArray()));

    /// <summary>Invalid utf8 is rejected.</summary>
    [Theory]
    [InlineData(new byte[] { (byte)'"', 0xC3, 0x28, (byte)'"' })]
    [InlineData(new byte[] { (byte)'"', 0xE2, 0x82 })]
    [InlineData(new byte[] { (byte)'"', 0xFF, (byte)'"' })]
    public void Invalid_utf8_is_rejected(byte[] body) => Rejects<string>(body);

    /// <summary>Malformed json is rejected without echoing it.</summary>
    [Theory]
    [InlineData("{\"items\":[{\"a\":\"1\"")]
    [InlineData("{\"items\":[}")]
    [InlineData("{\"items\":\"" + Secret + "\"}")]
    [InlineData("{\"items\":[{\"a\":" + Secret + "}]}")]
    [InlineData("{\"items\":[]} " + Secret)]
    [InlineData("{\"items\":[]} {}")]
    [InlineData("{\"items\":[]} /* " + Secret + " */")]
    [InlineData("   ")]
    [InlineData("[1,2,3]")]
    public void Malformed_json_is_rejected_without_echoing_it(string body) => Rejects<EchoBody>(Encoding.UTF8.GetBytes(body));

    /// <summary>Duplicate property names are rejected.</summary>
    [Theory]
    [InlineData("{\"value\":\"a\",\"value\":\"b\"}")]
    [InlineData("{\"values\":[],\"value\":null,\"values\":[]}")]
    public void Duplicate_property_names_are_rejected(string body) => Rejects<Texts>(Encoding.UTF8.GetBytes(body));

    /// <summary>Duplicate dictionary keys are rejected.</summary>
    [Fact]
    public void Duplicate_dictionary_keys_are_rejected() => Rejects<Dictionary<string, int>>("{\"a\":1,\"a\":2}"u8.ToArray());

    /// <summary>A number or boolean is not a string.</summary>
    [Theory]
    [InlineData("{\"value\":12345}")]
    [InlineData("{\"value\":true}")]
    [InlineData("{\"values\":[1.5]}")]
    public void A_number_or_boolean_is_not_a_string(string body) => Rejects<Texts>(Encoding.UTF8.GetBytes(body));

    /// <summary>A string is not a number and numbers stay in range.</summary>
    [Theory]
    [InlineData("{\"int\":\"12\"}")]
    [InlineData("{\"long\":\"12\"}")]
    [InlineData("{\"uLong\":\"12\"}")]
    [InlineData("{\"short\":\"12\"}")]
    [InlineData("{\"byte\":\"12\"}")]
    [InlineData("{\"double\":\"1.5\"}")]
    [InlineData("{\"single\":\"1.5\"}")]
    [InlineData("{\"decimal\":\"1.5\"}")]
    [InlineData("{\"long\":1.5}")]
    [InlineData("{\"uLong\":-1}")]
    [InlineData("{\"int\":true}")]
    public void A_string_is_not_a_number_and_numbers_stay_in_range(string body) => Rejects<Numbers>(Encoding.UTF8.GetBytes(body));

    /// <summary>Numbers keep their precision and nulls bind to nullable integers.</summary>
    [Fact]
    public void Numbers_keep_their_precision_and_nulls_bind_to_nullable_integers()
    {
        var numbers = Deserialize<Numbers>("{\"decimal\":0.1234567890123456789012345678,\"double\":1.7976931348623157E+308,\"uLong\":18446744073709551615,\"int\":-5}"u8.ToArray())!;

        Assert.Equal(0.1234567890123456789012345678m, numbers.Decimal);
        Assert.Equal(double.MaxValue, numbers.Double);
        Assert.Equal(ulong.MaxValue, numbers.ULong);
        Assert.Equal(-5, numbers.Int);
        Assert.Equal([null, 7L], Deserialize<List<long?>>("[null,7]"u8.ToArray())!);
        Assert.Equal([true, null], Deserialize<List<bool?>>("[true,null]"u8.ToArray())!);
        Assert.Equal([null, 1.5m], Deserialize<List<decimal?>>("[null,1.5]"u8.ToArray())!);
        Assert.Equal([null, 2.5], Deserialize<List<double?>>("[null,2.5]"u8.ToArray())!);
        Assert.Equal([3m], Deserialize<List<decimal>>("[3]"u8.ToArray())!);
    }

    /// <summary>A number or string is not a boolean or an integer.</summary>
    [Theory]
    [InlineData("{\"paid\":1}")]
    [InlineData("{\"paid\":\"true\"}")]
    [InlineData("{\"number\":\"4\"}")]
    public void A_number_or_string_is_not_a_boolean_or_an_integer(string body) => Rejects<Order>(Encoding.UTF8.GetBytes(body));

    /// <summary>Escaped unpaired surrogates are rejected.</summary>
    [Theory]
    [InlineData("{\"value\":\"\\ud800\"}")]
    [InlineData("{\"value\":\"x\\udc00y\"}")]
    [InlineData("{\"values\":[\"\\ud83d\"]}")]
    public void Escaped_unpaired_surrogates_are_rejected(string body) => Rejects<Texts>(Encoding.UTF8.GetBytes(body));

    /// <summary>Escaped surrogate pairs are read.</summary>
    [Fact]
    public void Escaped_surrogate_pairs_are_read() => Assert.Equal("😀", Deserialize<Texts>("{\"value\":\"\\ud83d\\ude00\"}"u8.ToArray())!.Value);

    /// <summary>Deep nesting inside an unknown property is rejected.</summary>
    [Fact]
    public void Deep_nesting_inside_an_unknown_property_is_rejected() =>
        Rejects<EchoBody>(Encoding.UTF8.GetBytes("{\"" + Secret + "\":" + new string('[', 100) + new string(']', 100) + "}"));

    /// <summary>Sixty four levels are accepted and sixty five rejected.</summary>
    [Fact]
    public void Sixty_four_levels_are_accepted_and_sixty_five_rejected()
    {
        Assert.Equal(64, Deserialize<Node>(NestedNodes(64))!.Depth());
        Rejects<Node>(NestedNodes(65));
    }
}
