using Microsoft.Extensions.Options;
using Pulya.Conformance.Serialization;

namespace Pulya.Serialization.Tests.Conformance;

/// <summary>The serializer conformance suite against <c>MessagePack</c> with its default options.</summary>
public sealed class MessagePackConformanceTests : SerializerConformanceTests
{
    protected override IPulyaSerializer CreateSerializer() => new MessagePackSerializer(Options.Create(new MessagePackOptions()));

    protected override string ToJson(byte[] body) => global::MessagePack.MessagePackSerializer.ConvertToJson(body);

    [Theory]
    [InlineData(new byte[] { 0xA2, 0xC3, 0x28 })]
    [InlineData(new byte[] { 0x92, 0xA1, 0x61, 0xA3, 0xED, 0xA0, 0x80 })]
    [InlineData(new byte[] { 0x81, 0xA2, 0xFF, 0xFE, 0xA1, 0x61 })]
    [InlineData(new byte[] { 0xD9, 0x02, 0xC0, 0xAF })]
    public void Strings_that_are_not_utf8_are_rejected_as_the_json_serializers_reject_them(byte[] body) => Rejects<object>(body);

    [Theory]
    [InlineData(new byte[] { 0xDB, 0x7F, 0xFF, 0xFF, 0xFF, 0x61 })]
    [InlineData(new byte[] { 0x91, 0xC6, 0x7F, 0xFF, 0xFF, 0xFF, 0x00 })]
    [InlineData(new byte[] { 0x92, 0xA1, 0x61, 0xC1 })]
    [InlineData(new byte[] { 0xDD, 0x7F, 0xFF, 0xFF, 0xFF })]
    public void Length_bombs_and_garbage_around_strings_are_rejected_not_crashed_on(byte[] body) => Rejects<object>(body);

    [Theory]
    [InlineData(new byte[] { 0x82, 0xA1, 0x61, 0x01, 0xA1, 0x61, 0x02 })]
    [InlineData(new byte[] { 0x92, 0x81, 0xA1, 0x61, 0x01, 0x82, 0xA1, 0x62, 0x01, 0xA1, 0x62, 0x02 })]
    public void Duplicate_map_keys_are_rejected_as_the_json_serializers_reject_them(byte[] body) =>
        Assert.Contains("duplicate property", Assert.Throws<BodyFormatException>(() => Deserialize<object>(body)).Message, StringComparison.Ordinal);

    [Fact]
    public void The_same_key_in_sibling_maps_and_nested_values_is_not_a_duplicate() =>
        Assert.Equal(2, Deserialize<List<Dictionary<string, object>>>(
            [0x92, 0x82, 0xA1, 0x61, 0x91, 0x81, 0xA1, 0x61, 0x01, 0xA1, 0x62, 0xA1, 0x61, 0x81, 0xA1, 0x61, 0x02])!.Count);

    [Fact]
    public void Nesting_past_the_depth_limit_is_left_to_the_deserializer() =>
        Rejects<object>([.. Enumerable.Repeat((byte)0x92, 600), .. Enumerable.Repeat((byte)0x01, 601)]);

    [Fact]
    public void Valid_strings_in_nested_maps_and_arrays_are_read() =>
        Assert.Equal(["é", "😀"], Deserialize<List<string>>([0x92, 0xA2, 0xC3, 0xA9, 0xA4, 0xF0, 0x9F, 0x98, 0x80]));
}
