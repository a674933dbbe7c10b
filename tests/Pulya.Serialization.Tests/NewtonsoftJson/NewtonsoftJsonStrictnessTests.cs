using System.Buffers;
using System.Text;
using Microsoft.Extensions.Options;

namespace Pulya.Serialization.Tests.NewtonsoftJson;

/// <summary>
/// Newtonsoft.Json on its own accepts JSON that System.Text.Json refuses; Pulya's Newtonsoft serializer scans strictly
/// first, so both JSON serializers answer the same bodies with 400.
/// </summary>
public sealed class NewtonsoftJsonStrictnessTests
{
    private readonly NewtonsoftJsonSerializer _newtonsoft = new(Options.Create(new NewtonsoftJsonOptions()));
    private readonly SystemTextJsonSerializer _stj = new();

    [Theory]
    [InlineData("{\"items\":[]/*c*/}", "not strict JSON")]
    [InlineData("{'items':[]}", "not strict JSON")]
    [InlineData("{items:[]}", "not strict JSON")]
    [InlineData("{\"items\":[{\"a\":\"x\"},]}", "not strict JSON")]
    [InlineData("{\"items\":[{\"a\":\"x\u0001\"}]}", "not strict JSON")]
    [InlineData("{\"items\":[]} {\"items\":[]}", "not strict JSON")]
    [InlineData("", "The request body is empty")]
    public void Bodies_system_text_json_refuses_are_refused_too(string json, string message)
    {
        var body = new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes(json));

        var error = Assert.Throws<BodyFormatException>(() => _newtonsoft.Deserialize(body, typeof(Pulya.Testing.Conformance.Serialization.EchoBody)));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("items", error.Message, StringComparison.Ordinal);
        Assert.Throws<BodyFormatException>(() => _stj.Deserialize(body, typeof(Pulya.Testing.Conformance.Serialization.EchoBody)));
    }

    [Fact]
    public void Nesting_beyond_the_maximum_depth_is_named()
    {
        var json = new string('[', 100) + new string(']', 100);

        var error = Assert.Throws<BodyFormatException>(() => _newtonsoft.Deserialize(new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes(json)), typeof(object)));

        Assert.Equal("Malformed JSON body: nested deeper than 64 levels, at line 1, position 65.", error.Message);
    }

    [Fact]
    public void A_number_out_of_range_for_its_field_is_400()
    {
        var body = new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes("{\"value\":99999999999}"));

        var error = Assert.Throws<BodyFormatException>(() => _newtonsoft.Deserialize(body, typeof(Holder)));

        Assert.StartsWith("Malformed JSON body: a value is out of range for its type at line 1", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("99999999999", error.Message, StringComparison.Ordinal);
    }

    public sealed class Holder
    {
        public int Value { get; set; }
    }
}
