using Pulya.Testing.Conformance.Buffers;
using System.Buffers;
using System.Text;
using System.Text.Json;
using Pulya.Serialization;
using Pulya.Tests.Shared.Models;

namespace Pulya.Tests.Serialization;

public sealed class SystemTextJsonSerializerTests
{
    private readonly SystemTextJsonSerializer _serializer = new();

    [Fact]
    public void Describes_its_format()
    {
        Assert.Equal("application/json; charset=utf-8", _serializer.ContentType);
        Assert.Equal(["application/json"], _serializer.MediaTypes);
        Assert.True(_serializer.Options.IsReadOnly);
    }

    [Fact]
    public void Writes_into_the_buffer_writer_and_reads_from_a_multi_segment_sequence()
    {
        var output = new ArrayBufferWriter<byte>();
        _serializer.Prepare(typeof(CountedItem));

        _serializer.Serialize(output, new CountedItem("ü ✓", 3), typeof(CountedItem));
        var json = output.WrittenSpan.ToArray();
        var half = json.Length / 2;

        Assert.Equal("{\"name\":\"ü ✓\",\"count\":3}", Encoding.UTF8.GetString(json));
        Assert.Equal(new CountedItem("ü ✓", 3), _serializer.Deserialize(Sequences.FromSegments(json.AsMemory(0, half), json.AsMemory(half)), typeof(CountedItem)));
    }

    [Fact]
    public void Refuses_an_empty_body_deep_nesting_and_invalid_utf8()
    {
        var deep = Encoding.UTF8.GetBytes(new string('[', 100) + new string(']', 100));

        Assert.Contains("empty", Assert.Throws<BodyFormatException>(() => _serializer.Deserialize(ReadOnlySequence<byte>.Empty, typeof(int))).Message, StringComparison.Ordinal);
        Assert.Contains("maximum depth", Assert.Throws<BodyFormatException>(() => _serializer.Deserialize(new ReadOnlySequence<byte>(deep), typeof(JsonElement))).Message, StringComparison.Ordinal);
        Assert.Contains("UTF-8", Assert.Throws<BodyFormatException>(() => _serializer.Deserialize(new ReadOnlySequence<byte>([34, 0xC3, 0x28, 34]), typeof(string))).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_given_by_the_caller_are_copied_and_frozen()
    {
        var options = new JsonSerializerOptions { PropertyNamingPolicy = null };

        var serializer = new SystemTextJsonSerializer(options);
        options.WriteIndented = true;
        var output = new ArrayBufferWriter<byte>();
        serializer.Serialize(output, new CountedItem("a", 1), typeof(CountedItem));

        Assert.Equal("{\"Name\":\"a\",\"Count\":1}", Encoding.UTF8.GetString(output.WrittenSpan));
        Assert.Throws<ArgumentNullException>(() => new SystemTextJsonSerializer((JsonSerializerOptions)null!));
    }
}
