using Pulya.Testing.Conformance.Buffers;
using System.Buffers;
using System.Text;
using Newtonsoft.Json;

namespace Pulya.Serialization.Tests.NewtonsoftJson;

/// <summary>The UTF-8 adapters between Newtonsoft's text reader/writer and Pulya's byte buffers.</summary>
public sealed class Utf8AdapterTests
{
    private static ReadOnlySequence<byte> OneByteSegments(byte[] bytes) => Sequences.FromSegments(Sequences.Chunks(bytes, 1));

    [Fact]
    public void Reader_decodes_characters_split_across_segments_and_then_reports_the_end()
    {
        const string text = "aé中😀z";
        var reader = Utf8SequenceTextReader.Rent(OneByteSegments(Encoding.UTF8.GetBytes(text)));
        try
        {
            var result = new StringBuilder();
            var buffer = new char[4];
            int read;
            while ((read = reader.Read(buffer, 0, buffer.Length)) > 0)
            {
                result.Append(buffer, 0, read);
            }

            Assert.Equal(text, result.ToString());
            Assert.Equal(0, reader.Read(buffer, 0, buffer.Length));
            Assert.Equal(0, reader.Read(Span<char>.Empty));
        }
        finally
        {
            Utf8SequenceTextReader.Return(reader);
        }
    }

    [Fact]
    public void Reader_throws_on_a_truncated_multi_byte_character_at_the_end()
    {
        var reader = Utf8SequenceTextReader.Rent(new ReadOnlySequence<byte>([0x61, 0xE4, 0xB8]));
        try
        {
            var buffer = new char[8];
            Assert.Equal(1, reader.Read(buffer, 0, buffer.Length));
            Assert.Throws<DecoderFallbackException>(() => reader.Read(buffer, 0, buffer.Length));
        }
        finally
        {
            Utf8SequenceTextReader.Return(reader);
        }
    }

    [Fact]
    public void Writer_encodes_utf8_into_the_buffer_writer_across_its_internal_buffer()
    {
        var output = new ArrayBufferWriter<byte>(1);
        var writer = Utf8BufferTextWriter.Rent(output);
        try
        {
            var text = string.Concat(Enumerable.Repeat("é中😀", 500));
            writer.Write('[');
            writer.Write(text.ToCharArray(), 0, text.Length);
            writer.Write(']');
            writer.Flush();

            Assert.Equal(Encoding.UTF8, writer.Encoding, EqualityComparer<Encoding>.Create((a, b) => a!.WebName == b!.WebName));
            Assert.Equal("[" + text + "]", Encoding.UTF8.GetString(output.WrittenSpan));
        }
        finally
        {
            Utf8BufferTextWriter.Return(writer);
        }
    }

    [Fact]
    public void Json_writer_writes_null_nullable_numbers_and_escapes_names_through_either_overload()
    {
        using var text = new StringWriter();
        using (var writer = new CompatibleJsonTextWriter(text))
        {
            writer.WriteStartObject();
            writer.WritePropertyName("\u0001a");
            writer.WriteValue((double?)null);
            writer.WritePropertyName("b", escape: true);
            writer.WriteValue((float?)null);
            writer.WritePropertyName("c");
            writer.WriteValue((decimal?)null);
            writer.WritePropertyName("d");
            writer.WriteValue((decimal?)2.50m);
            writer.WriteEndObject();
        }

        Assert.Equal("{\"\\u0001a\":null,\"b\":null,\"c\":null,\"d\":2.50}", text.ToString());
    }
}
