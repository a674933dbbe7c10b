using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using System.Text.Unicode;
using Pulya.Hosting;
using Pulya.Serialization;
using Pulya.Testing;

namespace Pulya.Tests.Serialization;

/// <summary>
/// The serialization fast path: result types Pulya's source generator describes are written by generated code, which
/// must write the bytes System.Text.Json's metadata path writes with the same options, and is left out whenever the
/// options or the application's resolvers make a difference it does not reproduce.
/// </summary>
public sealed class GeneratedJsonWriterTests
{
    private static readonly string[] EdgeStrings =
    [
        string.Empty, "plain", "quote \" backslash \\ slash /", "<script>&'", "tab\tnew\nline\r\b\f", "\u0001\u001f\u007f",
        "é ü ✓ 中文", "emoji 😀", "\u2028\u2029", "lone \ud800 surrogate", new string('x', 3000), "+ ` ~",
    ];

    public static IEnumerable<object[]> Options()
    {
        yield return ["defaults", SystemTextJsonSerializer.CreateDefaultOptions()];
        yield return ["plain", new JsonSerializerOptions()];
        yield return ["snake case, html-safe", Options(o => { o.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower; o.Encoder = JavaScriptEncoder.Default; })];
        yield return ["kebab, any unicode", Options(o => { o.PropertyNamingPolicy = JsonNamingPolicy.KebabCaseUpper; o.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All); })];
        yield return ["no policy", Options(o => o.PropertyNamingPolicy = null)];
        yield return ["skip nulls", Options(o => o.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)];
        yield return ["skip defaults", Options(o => o.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault)];
        yield return ["indented", Options(o => { o.WriteIndented = true; o.MaxDepth = 0; })];
        yield return ["shallow", Options(o => o.MaxDepth = 3)];
    }

    [Theory]
    [MemberData(nameof(Options))]
    public void Generated_writers_write_the_bytes_of_the_metadata_path(string name, JsonSerializerOptions options)
    {
        var serializer = new SystemTextJsonSerializer(options);

        Assert.True(serializer.WritesWithGeneratedCode(typeof(FastUser)), name);
        Assert.True(serializer.WritesWithGeneratedCode(typeof(FastPoint)), name);
        foreach (var value in Values())
        {
            AssertSame(serializer, value, value.GetType());
        }

        AssertSame(serializer, null, typeof(FastUser));
        AssertSame(serializer, new FastPoint { X = 1 }, typeof(FastPoint));
        AssertSame(serializer, new FastPoint(), typeof(FastPoint));
    }

    [Theory]
    [MemberData(nameof(Options))]
    public void Nesting_beyond_the_maximum_depth_fails_as_the_metadata_path_fails(string name, JsonSerializerOptions options)
    {
        var serializer = new SystemTextJsonSerializer(options);
        var deep = new FastNode { Value = 0 };
        for (var i = 1; i < 70; i++)
        {
            deep = new FastNode { Value = i, Next = deep, Children = i % 7 == 0 ? [new FastNode { Value = -i }] : null };
        }

        Assert.True(serializer.WritesWithGeneratedCode(typeof(FastNode)), name);
        var expected = Record.Exception(() => Metadata(serializer, deep, typeof(FastNode)));
        var actual = Record.Exception(() => Write(serializer, deep, typeof(FastNode)));

        Assert.IsType<JsonException>(expected);
        Assert.IsType<JsonException>(actual);
        for (var depth = 1; depth < 6; depth++)
        {
            var node = new FastNode { Value = depth, Children = [new FastNode(), new FastNode { Next = new FastNode() }] };
            AssertSame(serializer, node, typeof(FastNode));
            AssertSame(serializer, new FastNode { Next = new FastNode { Children = depth % 2 == 0 ? [] : [new FastNode()] } }, typeof(FastNode));
        }
    }

    [Fact]
    public void The_fast_path_allocates_nothing_per_value()
    {
        var serializer = new SystemTextJsonSerializer();
        var output = new ArrayBufferWriter<byte>(4096);
        var address = new FastAddress { Street = "Main St. 1", Zip = "12345", Floor = 2 };
        serializer.Serialize(output, address, typeof(FastAddress));
        output.ResetWrittenCount();

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            serializer.Serialize(output, address, typeof(FastAddress));
            output.ResetWrittenCount();
        }

        Assert.True(serializer.WritesWithGeneratedCode(typeof(FastAddress)));
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void Non_finite_numbers_fail_as_in_the_metadata_path()
    {
        var serializer = new SystemTextJsonSerializer();
        var user = Values().OfType<FastUser>().First() with { Score = double.NaN };

        Assert.Equal(
            Assert.Throws<ArgumentException>(() => Metadata(serializer, user, typeof(FastUser))).Message,
            Assert.Throws<ArgumentException>(() => Write(serializer, user, typeof(FastUser))).Message);
    }

    [Fact]
    public void Options_the_writers_do_not_reproduce_keep_the_metadata_path()
    {
        JsonSerializerOptions[] others =
        [
            Options(o => o.ReferenceHandler = ReferenceHandler.IgnoreCycles),
            Options(o => o.NumberHandling = JsonNumberHandling.WriteAsString),
            Options(o => o.IgnoreReadOnlyProperties = true),
            Options(o => o.RespectNullableAnnotations = true),
            Options(o => o.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWriting),
#pragma warning disable SYSLIB0020
            Options(o => o.IgnoreNullValues = true),
#pragma warning restore SYSLIB0020
            Options(o => o.TypeInfoResolver = new DefaultJsonTypeInfoResolver()),
        ];

        foreach (var options in others)
        {
            var serializer = new SystemTextJsonSerializer(options);
            Assert.False(serializer.WritesWithGeneratedCode(typeof(FastUser)));
            foreach (var value in Values())
            {
                AssertSame(serializer, value, value.GetType());
            }
        }
    }

    [Fact]
    public void A_converter_for_a_type_the_writer_writes_itself_keeps_the_metadata_path()
    {
        var forGuid = new SystemTextJsonSerializer(Options(o => o.Converters.Add(new TextGuid())));
        var forAddress = new SystemTextJsonSerializer(Options(o => o.Converters.Add(new TextAddress())));

        Assert.False(forGuid.WritesWithGeneratedCode(typeof(FastUser)));
        Assert.True(forGuid.WritesWithGeneratedCode(typeof(FastAddress)));
        Assert.False(forAddress.WritesWithGeneratedCode(typeof(FastAddress)));
        Assert.True(forAddress.WritesWithGeneratedCode(typeof(FastUser)));
        foreach (var value in Values())
        {
            AssertSame(forGuid, value, value.GetType());
            AssertSame(forAddress, value, value.GetType());
        }

        Assert.Contains("\"key\":\"guid\"", Write(forGuid, Values().OfType<FastUser>().First(), typeof(FastUser)), StringComparison.Ordinal);
        Assert.Contains("\"address\":\"address\"", Write(forAddress, Values().OfType<FastUser>().First(), typeof(FastUser)), StringComparison.Ordinal);
    }

    [Fact]
    public void Types_an_application_resolver_describes_keep_its_metadata()
    {
        var app = new SystemTextJsonSerializer([new Describes(typeof(FastAddress)), new Describes(typeof(FastNode[]))]);
        var none = new SystemTextJsonSerializer([new Describes(typeof(DayOfWeek))]);

        Assert.False(app.WritesWithGeneratedCode(typeof(FastAddress)));
        Assert.True(app.WritesWithGeneratedCode(typeof(FastUser)));
        Assert.True(none.WritesWithGeneratedCode(typeof(FastUser)));
        Assert.False(none.WritesWithGeneratedCode(typeof(string)));
        Assert.False(none.WritesWithGeneratedCode(typeof(List<FastAddress>)));
        foreach (var value in Values())
        {
            AssertSame(app, value, value.GetType());
            AssertSame(none, value, value.GetType());
        }

        AssertSame(app, new FastNode { Children = [new FastNode()] }, typeof(FastNode));
    }

    [Fact]
    public void Metadata_with_callbacks_or_a_type_level_setting_keeps_the_metadata_path()
    {
        var serializer = new SystemTextJsonSerializer();

        Assert.False(serializer.WritesWithGeneratedCode(typeof(FastCallbacks)));
        Assert.False(serializer.WritesWithGeneratedCode(typeof(FastReadIgnored)));
        AssertSame(serializer, new FastReadIgnored { Name = "y" }, typeof(FastReadIgnored));
        Assert.Equal("{\"name\":\"x!\"}", Write(serializer, new FastCallbacks { Name = "x" }, typeof(FastCallbacks)));
    }

    [Fact]
    public void The_switch_turns_the_fast_path_off()
    {
        AppContext.SetSwitch("Pulya.Serialization.DisableGeneratedJsonWriters", true);
        try
        {
            Assert.False(new SystemTextJsonSerializer().WritesWithGeneratedCode(typeof(FastUser)));
        }
        finally
        {
            AppContext.SetSwitch("Pulya.Serialization.DisableGeneratedJsonWriters", false);
        }

        Assert.True(new SystemTextJsonSerializer().WritesWithGeneratedCode(typeof(FastUser)));
    }

    [Theory]
    [MemberData(nameof(TestTransports.Data), MemberType = typeof(TestTransports))]
    public async Task Endpoints_answer_with_the_bytes_of_the_metadata_path(TestTransport transport)
    {
        var user = Values().OfType<FastUser>().First();
        await using var client = await PulyaTestClient.StartAsync(transport, app => FastEndpoints.Map(app, user), _ => { }, "--Pulya:Binder=Generated");

        var expected = Metadata(new SystemTextJsonSerializer(), user, typeof(FastUser));
        using var response = await client.Client.GetAsync(new Uri("/fast/users/5", UriKind.Relative));

        Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Equal(expected, await response.Content.ReadAsStringAsync());
        Assert.Equal("{\"x\":5,\"y\":-5}", await client.Client.GetStringAsync(new Uri("/fast/points/5", UriKind.Relative)));
    }

    private static IEnumerable<object> Values()
    {
        var address = new FastAddress { Street = "Main St. 1 <b>", Zip = "12345", Note = null, Floor = 0 };
        yield return new FastUser(
            5, "Ada", "ada@example.com", true, 0.1, 79228162514264337593543950335m, long.MinValue, float.MaxValue, byte.MaxValue, sbyte.MinValue,
            short.MinValue, ushort.MaxValue, uint.MaxValue, ulong.MaxValue, Guid.Parse("7b1d2a4e-9f3c-4a1b-8c2d-3e4f5a6b7c8d"),
            new DateTime(2026, 1, 31, 13, 45, 0, 123, DateTimeKind.Utc), new DateTimeOffset(2026, 1, 31, 13, 45, 0, TimeSpan.FromHours(2)),
            7, 1e300, address, [address, new FastAddress { Note = "n", Floor = 3 }], ["a", null, "ü"], [1, -1, int.MaxValue],
            [address], FastMood.VerySad, new { anonymous = 1 }, new Dictionary<string, int> { ["K"] = 1 }, 'c', DateTimeKind.Local, null, null);
        yield return new FastUser(
            0, null, string.Empty, false, -0.0, 0m, 0, float.Epsilon, 0, 0, 0, 0, 0, 0, Guid.Empty, default, default, null, null, null, null, null, null,
            null, FastMood.Happy, null, null, '\0', null, 0, Guid.Empty);
        yield return new FastUser(
            -1, "x", "y", true, double.MaxValue, -1.5m, 1, -1.25f, 1, -1, -1, 1, 1, 1, Guid.NewGuid(), DateTime.MaxValue, DateTimeOffset.MinValue,
            int.MinValue, double.Epsilon, new FastAddress(), [], [], [], [], (FastMood)42, 3.5, [], '"', (DateTimeKind)9, 1, Guid.Empty);
        foreach (var text in EdgeStrings)
        {
            yield return new FastAddress { Street = text, Zip = text, Note = text, Always = text, Floor = text.Length };
        }

        yield return new FastNode { Value = 1, Next = new FastNode { Value = 2 }, Children = [new FastNode { Value = 3 }, null!] };
        yield return new FastPoint { X = int.MinValue, Y = int.MaxValue };
    }

    /// <summary>The same bytes, or (beyond the options' maximum depth) the same kind of failure.</summary>
    private static void AssertSame(SystemTextJsonSerializer serializer, object? value, Type type)
    {
        string? expected = null, actual = null;
        var expectedError = Record.Exception(() => expected = Metadata(serializer, value, type));
        var actualError = Record.Exception(() => actual = Write(serializer, value, type));

        Assert.Equal(expected, actual);
        Assert.Equal(expectedError?.GetType(), actualError?.GetType());
    }

    private static string Write(SystemTextJsonSerializer serializer, object? value, Type type)
    {
        var output = new ArrayBufferWriter<byte>();
        serializer.Serialize(output, value, type);
        return Encoding.UTF8.GetString(output.WrittenSpan);
    }

    /// <summary>System.Text.Json's metadata path with the serializer's options and writer settings: the reference.</summary>
    private static string Metadata(SystemTextJsonSerializer serializer, object? value, Type type)
    {
        var output = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Encoder = serializer.Options.Encoder, SkipValidation = true, MaxDepth = serializer.Options.MaxDepth }))
        {
            JsonSerializer.Serialize(writer, value, serializer.Options.GetTypeInfo(type));
        }

        return Encoding.UTF8.GetString(output.WrittenSpan);
    }

    private static JsonSerializerOptions Options(Action<JsonSerializerOptions> change)
    {
        var options = SystemTextJsonSerializer.CreateDefaultOptions();
        change(options);
        return options;
    }

    private sealed class TextGuid : JsonConverter<Guid>
    {
        public override Guid Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => throw new NotSupportedException();

        public override void Write(Utf8JsonWriter writer, Guid value, JsonSerializerOptions options) => writer.WriteStringValue("guid");
    }

    private sealed class TextAddress : JsonConverter<FastAddress>
    {
        public override FastAddress Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => throw new NotSupportedException();

        public override void Write(Utf8JsonWriter writer, FastAddress value, JsonSerializerOptions options) => writer.WriteStringValue("address");
    }

    /// <summary>An application resolver describing one type (by reflection, with its members in another order).</summary>
    private sealed class Describes(Type type) : IJsonTypeInfoResolver
    {
        private readonly DefaultJsonTypeInfoResolver _reflection = new();

        public JsonTypeInfo? GetTypeInfo(Type requested, JsonSerializerOptions options)
        {
            if (requested != type)
            {
                return null;
            }

            var info = _reflection.GetTypeInfo(requested, options);
            if (info.Kind == JsonTypeInfoKind.Object)
            {
                var properties = info.Properties.Reverse().ToList();
                info.Properties.Clear();
                properties.ForEach(info.Properties.Add);
            }

            return info;
        }
    }
}

/// <summary>The endpoints that make the generator describe the test types.</summary>
public static class FastEndpoints
{
    public static void Map(PulyaApplication app, FastUser user)
    {
        app.MapGet("/fast/users/{id:int}", (int id) => user with { Id = id });
        app.MapGet("/fast/points/{id:int}", (int id) => new FastPoint { X = id, Y = -id });
        app.MapGet("/fast/nodes", () => new FastNode());
        app.MapGet("/fast/addresses", () => new FastAddress());
        app.MapGet("/fast/callbacks", () => new FastCallbacks());
        app.MapGet("/fast/read-ignored", () => new FastReadIgnored());
    }
}

public enum FastMood
{
    Happy,
    VerySad,
}

public sealed record FastUser(
    int Id, string? Name, string Email, bool Active, double Score, decimal Balance, long Big, float Ratio, byte Small, sbyte Signed,
    short Short, ushort UShort, uint UInt, ulong ULong, Guid Key, DateTime At, DateTimeOffset When, int? Maybe, double? MaybeScore,
    FastAddress? Address, FastAddress[]? Previous, List<string?>? Tags, int[]? Numbers, List<FastAddress>? Others, FastMood Mood,
    object? Extra, Dictionary<string, int>? Counts, char Letter, DateTimeKind? Kind, long? MaybeBig, Guid? MaybeKey);

public sealed class FastAddress
{
    public string? Street { get; set; }

    [JsonPropertyName("zip-code")]
    public string? Zip { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Note { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? Always { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public int Floor { get; set; }

    [JsonIgnore]
    public string Secret => "never";

    public string WriteOnly
    {
        set => Street = value;
    }
}

public sealed class FastNode
{
    public int Value { get; set; }

    public FastNode? Next { get; set; }

    public List<FastNode>? Children { get; set; }
}

public struct FastPoint
{
    public int X { get; set; }

    public int Y { get; set; }
}

public sealed class FastReadIgnored
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenReading)]
    public string? Name { get; set; }
}

public sealed class FastCallbacks : IJsonOnSerializing
{
    public string? Name { get; set; }

    void IJsonOnSerializing.OnSerializing() => Name += "!";
}
