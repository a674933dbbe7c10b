using Pulya.Testing.Conformance.Buffers;
using System.Buffers;
using System.Text;
using Pulya.Serialization;

namespace Pulya.Tests.Serialization;

/// <summary>What the SystemTextJson serializer refuses to read: input a client may send to confuse or attack it.</summary>
public sealed class SystemTextJsonSerializerInputTests
{
    private readonly SystemTextJsonSerializer _serializer = new();

    [Fact]
    public void Duplicate_property_names_are_malformed()
    {
        var error = Assert.Throws<BodyFormatException>(() => Read<Point>("{\"x\":1,\"x\":2,\"y\":3}"u8.ToArray()));

        Assert.StartsWith("Malformed JSON body", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_utf8_in_a_skipped_property_name_is_malformed()
    {
        byte[] body = [.. "{\"x\":1,\""u8, 0xFF, 0xFE, .. "\":2,\"y\":3}"u8];

        var error = Assert.Throws<BodyFormatException>(() => Read<Point>(body));

        Assert.Equal("Malformed JSON body: invalid UTF-8.", error.Message);
    }

    [Fact]
    public void Invalid_utf8_split_over_segments_is_malformed()
    {
        byte[] body = [.. "{\"x\":1,\"y\":3,\"z\":\""u8, 0xE2, 0x82, .. "\"}"u8];

        Assert.Throws<BodyFormatException>(() => _serializer.Deserialize(Split(body, body.Length - 3), typeof(Point)));
    }

    [Fact]
    public void Valid_utf8_split_over_segments_is_read()
    {
        var body = Encoding.UTF8.GetBytes("{\"x\":1,\"y\":3,\"z\":\"€\"}");

        var point = (Point)_serializer.Deserialize(Split(body, body.Length - 3), typeof(Point))!;

        Assert.Equal((1, 3, "€"), (point.X, point.Y, point.Z));
    }

    private Point Read<T>(byte[] body) => (Point)_serializer.Deserialize(new ReadOnlySequence<byte>(body), typeof(T))!;

    // Cuts inside the multi-byte character that ends the string.
    private static ReadOnlySequence<byte> Split(byte[] body, int at) => Sequences.FromSegments(body.AsMemory(0, at), body.AsMemory(at));


    private sealed class Point
    {
        public int X { get; set; }

        public int Y { get; set; }

        public string? Z { get; set; }
    }
}
