using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization;
using MessagePack;
using MessagePack.Resolvers;
using Microsoft.Extensions.Options;
using Pulya.Conformance.Buffers;
using Pulya.Conformance.Serialization;
using MessagePackCodec = MessagePack.MessagePackSerializer;

namespace Pulya.Serialization.Tests.MessagePack;

/// <summary>
/// MessagePack map keys follow the JSON names (<see cref="JsonPropertyNamesResolver"/>): what the JSON serializers write,
/// with <c>[JsonPropertyName]</c> and <c>[JsonIgnore]</c>, read with the JSON side's case rules; the .NET names on request.
/// </summary>
public sealed class JsonPropertyNamesTests
{
    private static MessagePackSerializer Create(Action<MessagePackOptions>? configure = null)
    {
        var options = new MessagePackOptions();
        configure?.Invoke(options);
        return new MessagePackSerializer(Options.Create(options));
    }

    private static byte[] Write<T>(MessagePackSerializer serializer, T value)
    {
        var buffer = new ArrayBufferWriter<byte>();
        serializer.Serialize(buffer, value, typeof(T));
        return buffer.WrittenSpan.ToArray();
    }

    private static T Read<T>(MessagePackSerializer serializer, byte[] body) => (T)serializer.Deserialize(new ReadOnlySequence<byte>(body), typeof(T))!;

    /// <summary>A map written by hand: keys and values in order.</summary>
    private static byte[] Map(params object?[] pairs)
    {
        var buffer = new ArrayBufferWriter<byte>();
        var writer = new MessagePackWriter(buffer);
        writer.WriteMapHeader(pairs.Length / 2);
        foreach (var item in pairs)
        {
            switch (item)
            {
                case null: writer.WriteNil(); break;
                case string text: writer.Write(text); break;
                case int number: writer.Write(number); break;
                case byte[] raw: writer.WriteRaw(raw); break;
                default: throw new ArgumentException(item.GetType().Name);
            }
        }

        writer.Flush();
        return buffer.WrittenSpan.ToArray();
    }

    public sealed class Annotated
    {
        [JsonPropertyName("full_name")]
        public string? Name { get; set; }

        [JsonIgnore]
        public string? Secret { get; set; } = "kept";

        public int Count { get; set; }

        public string? ReadOnly => "r";

        public string? WriteOnly { private get; set; }

        public string? Written() => WriteOnly;
    }

    public sealed record Shipment(int Id, string Destination, int Priority = 3)
    {
        public string? Note { get; set; }

        public List<string> Labels { get; init; } = [];
    }

    public sealed record Eight(int A, long B, string C, bool D, double E, DateTime F, Guid G, ConformanceModels.Kind H);

    public sealed record Nine(int A, int B, int C, int D, int E, int F, int G, int H, string I = "i")
    {
        public string? Extra { get; set; }
    }

    public struct Point
    {
        public int X { get; set; }

        public int Y { get; set; }
    }

    public sealed class WithFields
    {
        public int Counter;

        public readonly int Fixed = 5;
    }

    [Fact]
    public void A_client_sending_the_json_names_gets_its_values()
    {
        var body = Map("items", new byte[] { 0x91, 0x82, 0xA1, (byte)'a', 0xA2, (byte)'v', (byte)'1', 0xA1, (byte)'g', 0xA2, (byte)'v', (byte)'7' });

        var echo = Read<EchoBody>(Create(), body);

        Assert.Equal("v1", Assert.Single(echo.Items).A);
        Assert.Equal("v7", echo.Items[0].G);
    }

    [Fact]
    public void Keys_are_camel_case_and_honour_json_property_name_and_json_ignore()
    {
        var bytes = Write(Create(), new Annotated { Name = "Ann", Count = 2, WriteOnly = "w" });

        Assert.Equal("""{"full_name":"Ann","count":2,"readOnly":"r"}""", MessagePackCodec.ConvertToJson(bytes));
        Assert.Equal(JsonSerializer.Serialize(new Annotated { Name = "Ann", Count = 2 }, new JsonSerializerOptions(JsonSerializerDefaults.Web)), MessagePackCodec.ConvertToJson(bytes));
    }

    [Fact]
    public void Ignored_and_read_only_members_are_not_read_and_the_rest_of_the_map_still_is()
    {
        var read = Read<Annotated>(Create(), Map("secret", "x", "readOnly", "x", "full_name", "Bo", "writeOnly", "w", "count", 4));

        Assert.Equal("kept", read.Secret);
        Assert.Equal("Bo", read.Name);
        Assert.Equal("w", read.Written());
        Assert.Equal(4, read.Count);
    }

    [Fact]
    public void Keys_are_read_ignoring_case_like_the_json_side_so_clr_named_clients_keep_working()
    {
        Assert.Equal(3, Read<Annotated>(Create(), Map("COUNT", 3)).Count);
        Assert.Equal(3, Read<Annotated>(Create(), Map("Count", 3)).Count);
        Assert.Equal("é", Read<Annotated>(Create(), Map("FULL_NAME", "é")).Name);
        Assert.Equal(0, Read<Annotated>(Create(), Map(new string('x', 300), 3)).Count);
    }

    [Fact]
    public void With_case_sensitive_json_options_only_the_exact_name_binds()
    {
        var resolver = new JsonPropertyNamesResolver(new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.CamelCase });
        var serializer = Create(o => o.Resolver = resolver);

        Assert.Equal(0, Read<Annotated>(serializer, Map("Count", 3)).Count);
        Assert.Equal(3, Read<Annotated>(serializer, Map("count", 3)).Count);
    }

    [Fact]
    public void The_clr_names_are_kept_with_the_contractless_resolver()
    {
        var serializer = Create(o => o.Resolver = ContractlessStandardResolver.Instance);

        Assert.Equal("""{"Items":[]}""", MessagePackCodec.ConvertToJson(Write(serializer, new EchoBody())));
    }

    [Fact]
    public void The_same_member_twice_in_any_case_is_a_duplicate_property()
    {
        var ex = Assert.Throws<BodyFormatException>(() => Read<Annotated>(Create(), Map("count", 1, "Count", 2)));

        Assert.Contains("duplicate property", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Keys_that_are_not_strings_are_unknown_keys()
    {
        Assert.Equal(7, Read<Annotated>(Create(), Map(1, "x", null, new byte[] { 0x91, 0x01 }, "count", 7)).Count);
    }

    [Fact]
    public void A_truncated_value_under_an_unknown_key_is_rejected_as_under_a_known_key()
    {
        // {"items": [], "EVIL": [1, 2, <missing>]} and the same under the known key.
        byte[] unknown = [0x82, 0xA5, .. "items"u8, 0x90, 0xA4, .. "EVIL"u8, 0x93, 0x01, 0x02];
        byte[] known = [0x82, 0xA4, .. "EVIL"u8, 0x90, 0xA5, .. "items"u8, 0x93, 0x80, 0x80];

        Assert.Contains("ends early", Assert.Throws<BodyFormatException>(() => Read<EchoBody>(Create(), unknown)).Message, StringComparison.Ordinal);
        Assert.Contains("ends early", Assert.Throws<BodyFormatException>(() => Read<EchoBody>(Create(), known)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Records_are_built_through_their_constructor_with_defaults_and_extra_members()
    {
        var serializer = Create();
        var shipment = new Shipment(7, "Oslo", 1) { Note = "n", Labels = ["x"] };

        var bytes = Write(serializer, shipment);
        var read = Read<Shipment>(serializer, bytes);

        Assert.Equal("""{"id":7,"destination":"Oslo","priority":1,"note":"n","labels":["x"]}""", MessagePackCodec.ConvertToJson(bytes));
        Assert.Equal(shipment with { Labels = read.Labels }, read);
        Assert.Equal(["x"], read.Labels);
        var partial = Read<Shipment>(serializer, Map("destination", "Rome"));
        Assert.Equal((0, "Rome", 3, null), (partial.Id, partial.Destination, partial.Priority, partial.Note));
        Assert.Empty(partial.Labels);
    }

    [Fact]
    public void Constructors_of_eight_and_of_more_parameters_get_every_argument()
    {
        var serializer = Create();
        var eight = new Eight(1, 2, "3", true, 5.5, new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc), Guid.NewGuid(), ConformanceModels.Kind.SecondValue);
        var nine = new Nine(1, 2, 3, 4, 5, 6, 7, 8) { Extra = "x" };

        Assert.Equal(eight, Read<Eight>(serializer, Write(serializer, eight)));
        Assert.Equal(nine, Read<Nine>(serializer, Write(serializer, nine)));
        Assert.Equal(new Nine(0, 0, 0, 0, 0, 0, 0, 8), Read<Nine>(serializer, Map("h", 8, "unknown", 1)));
        Assert.Contains("duplicate property", Assert.Throws<BodyFormatException>(() => Read<Nine>(serializer, Map("a", 1, "A", 2))).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Structs_fields_and_nil_round_trip()
    {
        var serializer = Create();

        Assert.Equal(new Point { X = 1, Y = 2 }, Read<Point>(serializer, Write(serializer, new Point { X = 1, Y = 2 })));
        Assert.Equal(default, Read<Point>(serializer, [0xC0]));
        Assert.Null(Read<EchoBody?>(serializer, Write<EchoBody?>(serializer, null)));

        var fields = Create(o => o.Resolver = new JsonPropertyNamesResolver(new JsonSerializerOptions(JsonSerializerDefaults.Web) { IncludeFields = true }));
        var bytes = Write(fields, new WithFields { Counter = 4 });
        Assert.Equal("""{"counter":4,"fixed":5}""", MessagePackCodec.ConvertToJson(bytes));
        Assert.Equal(4, Read<WithFields>(fields, bytes).Counter);
    }

    [Fact]
    public void Keys_split_across_body_segments_are_matched()
    {
        var serializer = Create();
        var bytes = Write(serializer, SerializerConformanceTests.SampleEchoBody(2));

        var read = (EchoBody)serializer.Deserialize(Sequences.FromSegments([.. Sequences.Chunks(bytes, 3)]), typeof(EchoBody))!;

        Assert.Equal("g1", read.Items[1].G);
    }

    [Fact]
    public void Resolvers_of_different_options_and_resolvers_wrapping_it_each_get_their_own_names()
    {
        var camel = Create();
        var exact = Create(o => o.Resolver = new JsonPropertyNamesResolver(new JsonSerializerOptions()));
        var wrapped = Create(o => o.Resolver = CompositeResolver.Create(JsonPropertyNamesResolver.Instance));

        for (var i = 0; i < 2; i++)
        {
            Assert.Equal("""{"items":[]}""", MessagePackCodec.ConvertToJson(Write(camel, new EchoBody())));
            Assert.Equal("""{"Items":[]}""", MessagePackCodec.ConvertToJson(Write(exact, new EchoBody())));
            Assert.Equal("""{"items":[{"a":null,"b":null,"c":null,"d":null,"e":null,"f":null,"g":null}]}""", MessagePackCodec.ConvertToJson(Write(wrapped, new EchoBody { Items = [new EchoItem()] })));
        }
    }

    [Fact]
    public void Collections_enums_and_values_typed_object_keep_their_formats()
    {
        var serializer = Create();

        Assert.Equal("[1,2]", MessagePackCodec.ConvertToJson(Write(serializer, new List<int> { 1, 2 })));
        Assert.Equal("""{"k":1}""", MessagePackCodec.ConvertToJson(Write(serializer, new Dictionary<string, int> { ["k"] = 1 })));
        Assert.Equal("1", MessagePackCodec.ConvertToJson(Write(serializer, ConformanceModels.Kind.SecondValue)));
        Assert.Equal("""{"items":[]}""", MessagePackCodec.ConvertToJson(Write<object>(serializer, new EchoBody())));
    }
}
