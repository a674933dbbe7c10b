using Pulya.Conformance.Buffers;
using System.Buffers;
using System.Text;
using System.Text.Json;
using Pulya.Serialization;
using static Pulya.Conformance.Serialization.ConformanceModels;

namespace Pulya.Conformance.Serialization;

/// <summary>
/// The behaviour every <see cref="IPulyaSerializer"/> keeps: round-trips of the shapes handlers use (records, classes,
/// lists, dictionaries, nulls, enums, numbers, unicode strings, nested objects, the sample's echo body), reading from
/// multi-segment bodies, writing straight into the caller's buffer, and malformed input answered with a
/// <see cref="BodyFormatException"/> whose message never echoes the payload. Each implementation's test project derives
/// from this class (or from <see cref="JsonSerializerConformanceTests"/>) and supplies <see cref="CreateSerializer"/>.
/// </summary>
public abstract class SerializerConformanceTests
{
    /// <summary>A marker placed in malformed payloads; no error message may contain it.</summary>
    protected const string Secret = "SECRET-PAYLOAD-4711";

    private IPulyaSerializer? _serializer;

    protected IPulyaSerializer Serializer => _serializer ??= CreateSerializer();

    /// <summary>Creates the serializer under test with its default options.</summary>
    protected abstract IPulyaSerializer CreateSerializer();

    /// <summary>A body of <paramref name="depth"/> nested <see cref="Node"/> objects in the serializer's format.</summary>
    protected virtual byte[] NestedNodes(int depth) => Serializer.MediaTypes[0] switch
    {
        "application/json" => Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("{\"child\":", depth - 1)) + "{\"child\":null}" + new string('}', depth - 1)),
        "application/msgpack" => [.. Enumerable.Repeat<byte[]>([0x81, 0xA5, .. "child"u8], depth).SelectMany(b => b), 0xC0],
        var other => throw new NotSupportedException($"Override NestedNodes for {other}."),
    };

    /// <summary>The body as JSON text, to compare object keys across formats; a binary serializer converts its format.</summary>
    protected virtual string ToJson(byte[] body) => Encoding.UTF8.GetString(body);

    protected byte[] Serialize<T>(T value)
    {
        var buffer = new ArrayBufferWriter<byte>();
        Serializer.Serialize(buffer, value, typeof(T));
        return buffer.WrittenSpan.ToArray();
    }

    protected T? Deserialize<T>(byte[] body) => (T?)Serializer.Deserialize(new ReadOnlySequence<byte>(body), typeof(T));

    protected BodyFormatException Rejects<T>(byte[] body)
    {
        var ex = Assert.Throws<BodyFormatException>(() => Serializer.Deserialize(new ReadOnlySequence<byte>(body), typeof(T)));
        Assert.False(string.IsNullOrWhiteSpace(ex.Message));
        Assert.DoesNotContain(Secret, ex.Message, StringComparison.Ordinal);
        return ex;
    }

    /// <summary>Serializes, reads back from one segment and from one-byte segments, and checks both equal the original.</summary>
    protected T RoundTrip<T>(T value)
    {
        Serializer.Prepare(typeof(T));
        var bytes = Serialize(value);
        var whole = Deserialize<T>(bytes);
        var split = (T?)Serializer.Deserialize(Split(bytes, 1), typeof(T));
        AssertSame(value, whole);
        AssertSame(value, split);
        return whole!;
    }

    /// <summary>A sequence of <paramref name="size"/>-byte segments (with an empty one first), as a body read in pieces would be.</summary>
    protected static ReadOnlySequence<byte> Split(byte[] bytes, int size) =>
        Sequences.FromSegments([ReadOnlyMemory<byte>.Empty, .. Sequences.Chunks(bytes, size)]);

    // Structural equality of the plain model classes, independent of the serializer under test.
    private static void AssertSame<T>(T expected, T? actual) =>
        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(expected), System.Text.Json.JsonSerializer.Serialize(actual));

    public static EchoBody SampleEchoBody(int items) => new()
    {
        Items = [.. Enumerable.Range(0, items).Select(i => new EchoItem { A = $"a{i}", B = $"b{i}", C = $"c{i}", D = $"d{i}", E = $"e{i}", F = $"f{i}", G = $"g{i}" })],
    };

    public static Order SampleOrder() => new()
    {
        Number = 42,
        Note = null,
        Kind = Kind.SecondValue,
        Customer = new Person(7, "Zoë 中文 😀", null, Kind.First),
        Lines = [new Line { Sku = "A-1", Quantity = 2, Price = 9.99m }, new Line { Sku = "B-2", Quantity = 1, Price = 100m }],
        Counts = new() { ["Red"] = 1, ["x-y"] = 2 },
        People = new() { ["First"] = new Person(1, "Ann", "A", Kind.SecondValue) },
        Tags = ["one", null, "three"],
        Optional = null,
        Paid = true,
        Created = new DateTime(2026, 11, 27, 4, 33, 28, 123, DateTimeKind.Utc),
        Reference = new Guid("0f8fad5b-d9cb-469f-a165-70867728950e"),
    };

    [Fact]
    public void Declares_a_content_type_and_lower_case_media_types()
    {
        Assert.NotEmpty(Serializer.MediaTypes);
        Assert.All(Serializer.MediaTypes, m => Assert.Equal(m.ToLowerInvariant(), m));
        Assert.StartsWith(Serializer.MediaTypes[0], Serializer.ContentType, StringComparison.Ordinal);
    }

    [Fact]
    public void Round_trips_a_record() => RoundTrip(new Person(1, "Ann", "Annie", Kind.SecondValue));

    [Fact]
    public void Round_trips_a_class_with_nested_objects_lists_dictionaries_nulls_and_enums() => RoundTrip(SampleOrder());

    [Fact]
    public void Round_trips_the_sample_echo_body() => Assert.Equal(10, RoundTrip(SampleEchoBody(10)).Items.Count);

    [Fact]
    public void Round_trips_lists_and_dictionaries_at_the_top_level()
    {
        RoundTrip(new List<int> { 1, 2, 3 });
        RoundTrip(new List<int>());
        RoundTrip(new Dictionary<string, string?> { ["a"] = "1", ["b"] = null });
        RoundTrip(new List<Person> { new(1, "A", null, Kind.First) });
    }

    [Fact]
    public void Round_trips_numbers_at_their_limits() => RoundTrip(new Numbers
    {
        Int = 12345,
        MinInt = int.MinValue,
        Long = long.MaxValue,
        ULong = ulong.MaxValue,
        Double = 0.1,
        Whole = 3,
        Single = 1.5f,
        Decimal = 79228162514264337593543950335m,
        Byte = 255,
        Short = short.MinValue,
    });

    [Theory]
    [InlineData("")]
    [InlineData("plain ascii")]
    [InlineData("héllo wörld, ñ, Zoë, Ærøskøbing")]
    [InlineData("中文 日本語 한국어 русский ελληνικά עברית العربية")]
    [InlineData("emoji 😀👍🏽 and a flag 🇺🇦")]
    [InlineData("quotes \" backslash \\ slash / <tag> & 'single' +plus")]
    [InlineData("controls \t\n\r\b\f \u0001 \u001f \u007f and separators \u2028\u2029 and bom \ufeff")]
    public void Round_trips_strings_with_unicode(string text) => RoundTrip(new Texts { Value = text, Values = [text, text] });

    [Fact]
    public void Round_trips_a_null_string_and_a_null_object()
    {
        RoundTrip(new Texts { Value = null });
        Assert.Null(RoundTrip<Person?>(null));
    }

    [Fact]
    public void Round_trips_nesting_well_within_the_depth_limit() => Assert.Equal(30, Deserialize<Node>(NestedNodes(30))!.Depth());

    [Fact]
    public void Prepare_caches_metadata_without_changing_the_output()
    {
        var before = Serialize(SampleOrder());
        Serializer.Prepare(typeof(Order));
        Serializer.Prepare(typeof(Order));

        Assert.Equal(before, Serialize(SampleOrder()));
    }

    [Fact]
    public void Serialize_appends_to_what_the_writer_already_holds()
    {
        var buffer = new ArrayBufferWriter<byte>();
        buffer.Write("prefix"u8);

        Serializer.Serialize(buffer, SampleEchoBody(3), typeof(EchoBody));

        Assert.True(buffer.WrittenSpan.StartsWith("prefix"u8));
        var body = Deserialize<EchoBody>(buffer.WrittenSpan[6..].ToArray());
        Assert.Equal(3, body!.Items.Count);
    }

    [Fact]
    public void Serialize_writes_large_payloads_completely()
    {
        var large = SampleEchoBody(1000);

        var bytes = Serialize(large);

        Assert.True(bytes.Length > 40_000, $"{bytes.Length} bytes");
        Assert.Equal("g999", Deserialize<EchoBody>(bytes)!.Items[999].G);
    }

    [Fact]
    public void Serializers_are_safe_to_share_between_threads()
    {
        var expected = Serialize(SampleOrder());

        var results = Enumerable.Range(0, 64).AsParallel().Select(_ => Serialize(SampleOrder())).ToList();

        Assert.All(results, r => Assert.Equal(expected, r));
    }

    [Fact]
    public void Object_keys_are_the_property_names_of_the_json_serializers()
    {
        // The names a JSON client sends and reads (System.Text.Json's web defaults: camelCase, dictionary keys kept).
        var web = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        Check(SampleOrder());
        Check(SampleEchoBody(2));
        Check(new Person(1, "Ann", "A", Kind.First));
        Check(new Numbers());
        Check(new Texts { Value = "v", Values = ["w"] });
        Check(new Node { Child = new Node() });

        void Check<T>(T value)
        {
            var expected = ObjectKeys(JsonSerializer.Serialize(value, web));
            Assert.NotEmpty(expected);
            Assert.Equal(expected, ObjectKeys(ToJson(Serialize(value))));
        }
    }

    /// <summary>Every object key of a JSON document, depth first, in document order.</summary>
    private static List<string> ObjectKeys(string json)
    {
        var keys = new List<string>();
        using var document = JsonDocument.Parse(json);
        Collect(document.RootElement);
        return keys;

        void Collect(JsonElement element)
        {
            if (element.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in element.EnumerateObject())
                {
                    keys.Add(property.Name);
                    Collect(property.Value);
                }
            }
            else if (element.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in element.EnumerateArray())
                {
                    Collect(item);
                }
            }
        }
    }

    [Fact]
    public void Empty_body_is_rejected() => Rejects<EchoBody>([]);

    [Fact]
    public void Truncated_body_is_rejected()
    {
        var bytes = Serialize(SampleEchoBody(2));

        Rejects<EchoBody>(bytes[..^1]);
        Rejects<EchoBody>(bytes[..(bytes.Length / 2)]);
    }

    [Fact]
    public void Trailing_content_after_the_value_is_rejected()
    {
        var bytes = Serialize(new Person(1, "A", null, Kind.First));

        Rejects<Person>([.. bytes, .. bytes]);
    }

    [Fact]
    public void Value_of_the_wrong_shape_is_rejected_without_echoing_it() => Rejects<EchoBody>(Serialize(Secret));

    [Fact]
    public void Nesting_deeper_than_64_is_rejected() => Rejects<Node>(NestedNodes(200));

    [Fact]
    public void Garbage_bytes_are_rejected() => Rejects<EchoBody>([0xC1, 0xFF, 0x00, .. Encoding.UTF8.GetBytes(Secret)]);
}
