using System.Buffers;
using BenchmarkDotNet.Attributes;
using MessagePack.Resolvers;
using Microsoft.Extensions.Options;
using Pulya.Serialization;

namespace Pulya.Benchmarks.Serialization;

/// <summary>
/// The three Pulya serializers side by side, as the pipeline calls them: <c>Serialize</c> into a reused
/// <see cref="ArrayBufferWriter{T}"/> (standing in for the response <c>PipeWriter</c>) and <c>Deserialize</c> from a
/// <see cref="ReadOnlySequence{T}"/> of the body, for small, medium and large payloads. NewtonsoftJson is the baseline;
/// MessagePack runs with its default keys (the JSON names) and with the .NET member names (the contractless resolver).
/// </summary>
[BenchmarkCategory("Serialization")]
public class SerializerBenchmarks
{
    private readonly ArrayBufferWriter<byte> _buffer = new(256 * 1024);
    private IPulyaSerializer _systemTextJson = null!;
    private IPulyaSerializer _newtonsoftJson = null!;
    private IPulyaSerializer _messagePack = null!;
    private IPulyaSerializer _messagePackClrNames = null!;
    private object _value = null!;
    private Type _type = null!;
    private ReadOnlySequence<byte> _json;
    private ReadOnlySequence<byte> _msgpack;
    private ReadOnlySequence<byte> _msgpackClrNames;

    [ParamsSource(nameof(Payloads))]
    public string Payload { get; set; } = SerializationPayloads.Medium;

    public static IEnumerable<string> Payloads => SerializationPayloads.All;

    [GlobalSetup]
    public void Setup()
    {
        _systemTextJson = new SystemTextJsonSerializer();
        _newtonsoftJson = new NewtonsoftJsonSerializer(Options.Create(new NewtonsoftJsonOptions()));
        _messagePack = new MessagePackSerializer(Options.Create(new MessagePackOptions()));
        _messagePackClrNames = new MessagePackSerializer(Options.Create(new MessagePackOptions { Resolver = ContractlessStandardResolver.Instance }));
        (_value, _type) = SerializationPayloads.Create(Payload);
        foreach (var serializer in new[] { _systemTextJson, _newtonsoftJson, _messagePack, _messagePackClrNames })
        {
            serializer.Prepare(_type);
        }

        _json = new ReadOnlySequence<byte>(Encode(_systemTextJson));
        _msgpack = new ReadOnlySequence<byte>(Encode(_messagePack));
        _msgpackClrNames = new ReadOnlySequence<byte>(Encode(_messagePackClrNames));
        SetupCheck.That(Encode(_newtonsoftJson).AsSpan().SequenceEqual(_json.FirstSpan), $"{Payload}: NewtonsoftJson and SystemTextJson disagree on the payload.");
        foreach (var (serializer, encoded) in new[] { (_systemTextJson, _json), (_newtonsoftJson, _json), (_messagePack, _msgpack), (_messagePackClrNames, _msgpackClrNames) })
        {
            // What each deserializes must serialize back to the same JSON, or the deserialize benchmarks read something else.
            var back = serializer.Deserialize(encoded, _type);
            SetupCheck.That(back is not null && Encode(_systemTextJson, back).AsSpan().SequenceEqual(_json.FirstSpan), $"{Payload}: {serializer.GetType().Name} does not round-trip the payload.");
        }

        Console.WriteLine($"// {Payload}: JSON {_json.Length} bytes, MessagePack {_msgpack.Length} bytes");
    }

    private byte[] Encode(IPulyaSerializer serializer, object? value = null)
    {
        _buffer.ResetWrittenCount();
        serializer.Serialize(_buffer, value ?? _value, _type);
        return _buffer.WrittenSpan.ToArray();
    }

    [Benchmark(Baseline = true, Description = "NewtonsoftJson")]
    [BenchmarkCategory("Serialize")]
    public int Serialize_NewtonsoftJson() => Serialize(_newtonsoftJson);

    [Benchmark(Description = "SystemTextJson")]
    [BenchmarkCategory("Serialize")]
    public int Serialize_SystemTextJson() => Serialize(_systemTextJson);

    [Benchmark(Description = "MessagePack")]
    [BenchmarkCategory("Serialize")]
    public int Serialize_MessagePack() => Serialize(_messagePack);

    [Benchmark(Description = "MessagePack (CLR names)")]
    [BenchmarkCategory("Serialize")]
    public int Serialize_MessagePackClrNames() => Serialize(_messagePackClrNames);

    [Benchmark(Baseline = true, Description = "NewtonsoftJson")]
    [BenchmarkCategory("Deserialize")]
    public object? Deserialize_NewtonsoftJson() => _newtonsoftJson.Deserialize(_json, _type);

    [Benchmark(Description = "SystemTextJson")]
    [BenchmarkCategory("Deserialize")]
    public object? Deserialize_SystemTextJson() => _systemTextJson.Deserialize(_json, _type);

    [Benchmark(Description = "MessagePack")]
    [BenchmarkCategory("Deserialize")]
    public object? Deserialize_MessagePack() => _messagePack.Deserialize(_msgpack, _type);

    [Benchmark(Description = "MessagePack (CLR names)")]
    [BenchmarkCategory("Deserialize")]
    public object? Deserialize_MessagePackClrNames() => _messagePackClrNames.Deserialize(_msgpackClrNames, _type);

    private int Serialize(IPulyaSerializer serializer)
    {
        _buffer.ResetWrittenCount();
        serializer.Serialize(_buffer, _value, _type);
        return _buffer.WrittenCount;
    }
}
