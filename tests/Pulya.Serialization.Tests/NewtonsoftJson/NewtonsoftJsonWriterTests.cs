using System.Buffers;
using System.Text;
using Microsoft.Extensions.Options;
using Newtonsoft.Json;

namespace Pulya.Serialization.Tests.NewtonsoftJson;

/// <summary>How the Newtonsoft writer path handles what System.Text.Json has no counterpart for, and user settings.</summary>
public sealed class NewtonsoftJsonWriterTests
{
    private static string Write(object? value, Type type, Action<NewtonsoftJsonOptions>? configure = null)
    {
        var options = new NewtonsoftJsonOptions();
        configure?.Invoke(options);
        var buffer = new ArrayBufferWriter<byte>(16);
        new NewtonsoftJsonSerializer(Options.Create(options)).Serialize(buffer, value, type);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void Non_finite_numbers_are_refused_like_system_text_json(double value)
    {
        Assert.Throws<JsonWriterException>(() => Write(new[] { value }, typeof(double[])));
        Assert.Throws<JsonWriterException>(() => Write(new[] { (float)value }, typeof(float[])));
        Assert.Throws<JsonWriterException>(() => Write(new double?[] { value }, typeof(double?[])));
        Assert.Throws<JsonWriterException>(() => Write(new float?[] { (float)value }, typeof(float?[])));
    }

    [Fact]
    public void Non_finite_numbers_are_written_when_the_settings_opt_in()
    {
        Assert.Equal("[NaN,-Infinity]", Write(new[] { float.NaN, float.NegativeInfinity }, typeof(float[]), o => o.SerializerSettings.FloatFormatHandling = FloatFormatHandling.Symbol));
        Assert.Equal("[0.0,0.0]", Write(new[] { double.NaN, double.PositiveInfinity }, typeof(double[]), o => o.SerializerSettings.FloatFormatHandling = FloatFormatHandling.DefaultValue));
    }

    [Fact]
    public void Another_string_escape_handling_is_newtonsofts_own()
    {
        Assert.Equal("\"\\u003cb\\u003e é \\u0001\"", Write("<b> é \u0001", typeof(string), o => o.SerializerSettings.StringEscapeHandling = StringEscapeHandling.EscapeHtml));
    }

    [Fact]
    public void Property_names_are_escaped_like_system_text_json()
    {
        var text = Write(new Dictionary<string, int> { ["\u0001"] = 1 }, typeof(Dictionary<string, int>));

        Assert.Equal("{\"\\u0001\":1}", text);
    }

    [Fact]
    public void Long_strings_cross_the_writer_buffer_intact()
    {
        var text = string.Concat(Enumerable.Repeat("abcdé中😀", 1000));

        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(text, Pulya.Serialization.SystemTextJsonSerializer.CreateDefaultOptions()), Write(text, typeof(string)));
    }

    [Fact]
    public void Camel_case_can_be_turned_off_through_the_contract_resolver()
    {
        var text = Write(new Pulya.Testing.Conformance.Hosting.SuccessResult(true), typeof(Pulya.Testing.Conformance.Hosting.SuccessResult), o => o.SerializerSettings.ContractResolver = new Newtonsoft.Json.Serialization.DefaultContractResolver());

        Assert.Equal("{\"Success\":true}", text);
    }
}
