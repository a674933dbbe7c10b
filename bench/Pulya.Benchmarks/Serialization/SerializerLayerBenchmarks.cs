using System.Buffers;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using MessagePack;
using Microsoft.Extensions.Options;
using Newtonsoft.Json;
using Pulya.Sample;
using Pulya.Serialization;
using MessagePackCodec = MessagePack.MessagePackSerializer;

namespace Pulya.Benchmarks.Serialization;

/// <summary>
/// What Pulya's serializer layer costs over calling each library directly (the baseline of each group) with the same
/// settings, writing into the same kind of buffer (<see cref="ArrayBufferWriter{T}"/>) and reading the same bytes.
/// Direct calls are what an application would write without Pulya: STJ's generic <c>Serialize(Utf8JsonWriter, T)</c>
/// and <c>Deserialize&lt;T&gt;(ref Utf8JsonReader)</c>; MessagePack's generic <c>Serialize(IBufferWriter, T)</c> and
/// <c>Deserialize&lt;T&gt;(ReadOnlySequence)</c>; Newtonsoft's usual <c>JsonConvert.SerializeObject</c> to a string
/// encoded into the buffer, and <c>DeserializeObject&lt;T&gt;</c> of the decoded string.
/// </summary>
[BenchmarkCategory("Serialization", "Layer")]
public class SerializerLayerBenchmarks
{
    private readonly ArrayBufferWriter<byte> _buffer = new(256 * 1024);
    private SystemTextJsonSerializer _systemTextJson = null!;
    private NewtonsoftJsonSerializer _newtonsoftJson = null!;
    private Pulya.Serialization.MessagePackSerializer _messagePack = null!;
    private JsonSerializerSettings _newtonsoftSettings = null!;
    private EchoBody _value = null!;
    private ReadOnlySequence<byte> _json;
    private ReadOnlySequence<byte> _msgpack;

    [ParamsSource(nameof(Payloads))]
    public string Payload { get; set; } = SerializationPayloads.Medium;

    public static IEnumerable<string> Payloads => [SerializationPayloads.Medium, SerializationPayloads.Large];

    [GlobalSetup]
    public void Setup()
    {
        _systemTextJson = new SystemTextJsonSerializer();
        _newtonsoftJson = new NewtonsoftJsonSerializer(Options.Create(new NewtonsoftJsonOptions()));
        _messagePack = new Pulya.Serialization.MessagePackSerializer(Options.Create(new MessagePackOptions()));
        _newtonsoftSettings = NewtonsoftJsonOptions.CreateDefaultSettings();
        _value = (EchoBody)SerializationPayloads.Create(Payload).Value;
        _systemTextJson.Serialize(_buffer, _value, typeof(EchoBody));
        _json = new ReadOnlySequence<byte>(_buffer.WrittenSpan.ToArray());
        _buffer.ResetWrittenCount();
        _messagePack.Serialize(_buffer, _value, typeof(EchoBody));
        _msgpack = new ReadOnlySequence<byte>(_buffer.WrittenSpan.ToArray());
        SetupCheck.That(_systemTextJson.Deserialize(_json, typeof(EchoBody)) is EchoBody { Items.Count: > 0 }, "SystemTextJson does not read the payload back.");
        SetupCheck.That(_newtonsoftJson.Deserialize(_json, typeof(EchoBody)) is EchoBody { Items.Count: > 0 }, "NewtonsoftJson does not read the payload back.");
        SetupCheck.That(_messagePack.Deserialize(_msgpack, typeof(EchoBody)) is EchoBody { Items.Count: > 0 }, "MessagePack does not read the payload back.");
    }

    [Benchmark(Baseline = true, Description = "STJ direct")]
    [BenchmarkCategory("Serialize", "SystemTextJson")]
    public int Stj_Serialize_Direct()
    {
        _buffer.ResetWrittenCount();
        using var writer = new Utf8JsonWriter(_buffer, new JsonWriterOptions { Encoder = _systemTextJson.Options.Encoder, SkipValidation = true, MaxDepth = 64 });
        System.Text.Json.JsonSerializer.Serialize(writer, _value, _systemTextJson.Options);
        return _buffer.WrittenCount;
    }

    [Benchmark(Description = "STJ via Pulya")]
    [BenchmarkCategory("Serialize", "SystemTextJson")]
    public int Stj_Serialize_Pulya()
    {
        _buffer.ResetWrittenCount();
        _systemTextJson.Serialize(_buffer, _value, typeof(EchoBody));
        return _buffer.WrittenCount;
    }

    [Benchmark(Baseline = true, Description = "STJ direct")]
    [BenchmarkCategory("Deserialize", "SystemTextJson")]
    public EchoBody? Stj_Deserialize_Direct()
    {
        var reader = new Utf8JsonReader(_json, new JsonReaderOptions { MaxDepth = 64 });
        return System.Text.Json.JsonSerializer.Deserialize<EchoBody>(ref reader, _systemTextJson.Options);
    }

    [Benchmark(Description = "STJ via Pulya")]
    [BenchmarkCategory("Deserialize", "SystemTextJson")]
    public object? Stj_Deserialize_Pulya() => _systemTextJson.Deserialize(_json, typeof(EchoBody));

    [Benchmark(Baseline = true, Description = "Newtonsoft direct (string)")]
    [BenchmarkCategory("Serialize", "NewtonsoftJson")]
    public int Newtonsoft_Serialize_Direct()
    {
        _buffer.ResetWrittenCount();
        var text = JsonConvert.SerializeObject(_value, _newtonsoftSettings);
        var written = Encoding.UTF8.GetBytes(text, _buffer.GetSpan(Encoding.UTF8.GetMaxByteCount(text.Length)));
        _buffer.Advance(written);
        return _buffer.WrittenCount;
    }

    [Benchmark(Description = "Newtonsoft via Pulya")]
    [BenchmarkCategory("Serialize", "NewtonsoftJson")]
    public int Newtonsoft_Serialize_Pulya()
    {
        _buffer.ResetWrittenCount();
        _newtonsoftJson.Serialize(_buffer, _value, typeof(EchoBody));
        return _buffer.WrittenCount;
    }

    [Benchmark(Baseline = true, Description = "Newtonsoft direct (string)")]
    [BenchmarkCategory("Deserialize", "NewtonsoftJson")]
    public EchoBody? Newtonsoft_Deserialize_Direct() =>
        JsonConvert.DeserializeObject<EchoBody>(Encoding.UTF8.GetString(_json.FirstSpan), _newtonsoftSettings);

    [Benchmark(Description = "Newtonsoft via Pulya")]
    [BenchmarkCategory("Deserialize", "NewtonsoftJson")]
    public object? Newtonsoft_Deserialize_Pulya() => _newtonsoftJson.Deserialize(_json, typeof(EchoBody));

    [Benchmark(Baseline = true, Description = "MessagePack direct")]
    [BenchmarkCategory("Serialize", "MessagePack")]
    public int MessagePack_Serialize_Direct()
    {
        _buffer.ResetWrittenCount();
        MessagePackCodec.Serialize(_buffer, _value, _messagePack.Options);
        return _buffer.WrittenCount;
    }

    [Benchmark(Description = "MessagePack via Pulya")]
    [BenchmarkCategory("Serialize", "MessagePack")]
    public int MessagePack_Serialize_Pulya()
    {
        _buffer.ResetWrittenCount();
        _messagePack.Serialize(_buffer, _value, typeof(EchoBody));
        return _buffer.WrittenCount;
    }

    [Benchmark(Baseline = true, Description = "MessagePack direct")]
    [BenchmarkCategory("Deserialize", "MessagePack")]
    public EchoBody MessagePack_Deserialize_Direct() => MessagePackCodec.Deserialize<EchoBody>(_msgpack, _messagePack.Options);

    [Benchmark(Description = "MessagePack via Pulya")]
    [BenchmarkCategory("Deserialize", "MessagePack")]
    public object? MessagePack_Deserialize_Pulya() => _messagePack.Deserialize(_msgpack, typeof(EchoBody));
}
