using System.Buffers;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.CodeAnalysis;
using Pulya.Serialization;

namespace Pulya.Generators.Tests;

/// <summary>
/// Compiles a program with the generator and checks that its JSON resolver reads and writes every body and result type
/// exactly as System.Text.Json's reflection does with Pulya's options: the same bytes out, the same values in, the same
/// 400 messages for bad JSON. The generated side runs with no reflection behind it, so a missing type fails the test.
/// </summary>
public sealed class GeneratedJsonTests
{
    private const string Program = """
        using System;
        using System.Collections.Generic;
        using System.Text.Json.Serialization;
        using System.Threading.Tasks;
        using Pulya;
        using Pulya.Hosting;

        namespace Sample;

        public enum Mood { Calm, VeryHappy }

        public sealed record Point(int X, int Y);

        public record Named(string Name, int Count = 7, Mood Mood = Mood.VeryHappy, string? Note = null);

        public class Base
        {
            public int Id { get; set; }

            public virtual string? Tag { get; set; }
        }

        public struct Inner
        {
            public int Depth { get; set; }

            public string? Note { get; set; }

            public int Level { get; init; }
        }

        public sealed class Order : Base
        {
            public string? Customer { get; set; }
            public List<Point> Points { get; set; } = [];
            public Point[] Corners { get; set; } = [];
            public Dictionary<string, Named> ByName { get; set; } = [];
            public IReadOnlyList<int> Numbers { get; set; } = [];
            public IList<string> Labels { get; set; } = [];
            public ICollection<string> Others { get; set; } = [];
            public IEnumerable<long> Sequence { get; set; } = [];
            public IDictionary<string, int> Counts { get; set; } = new Dictionary<string, int>();
            public IReadOnlyDictionary<string, bool> Flags { get; set; } = new Dictionary<string, bool>();
            public int? Maybe { get; set; }
            public double Ratio { get; set; }
            public decimal Price { get; set; }
            public long Big { get; set; }
            public bool Flag { get; set; }
            public Guid Key { get; set; }
            public DateTimeOffset When { get; set; }
            public Mood Mood { get; set; }
            public Mood? MaybeMood { get; set; }
            public override string? Tag { get; set; }
            [JsonPropertyName("renamed")] public string? Original { get; set; }
            [JsonIgnore] public string Secret { get; set; } = "hidden";
            [JsonIgnore] public Exception? Failure { get; set; }
            [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Optional { get; set; }
            public string Computed => $"{Id}:{Customer}";
            public string Init { get; init; } = "init";
            public Inner Nested { get; set; }
            public byte[] Bytes { get; set; } = [];
            public object? Anything { get; set; }
            public dynamic? Dynamic { get; set; }
            public List<Order> Children { get; set; } = [];
            public string WriteOnly { set => Customer = value; }
        }

        public sealed class Strict
        {
            public required string Name { get; set; }

            [JsonRequired]
            public int Level { get; set; }
        }

        public sealed class Ticket(int @class)
        {
            public int Class => @class;

            public required string Holder { get; init; }
        }

        public sealed record Page<T>(T[] Items, int Total)
        {
            public string Kind { get; set; } = "page";
        }

        public static class Endpoints
        {
            public static void Map(PulyaApplication app)
            {
                app.MapPost("/order", ([Body] Order order) => order);
                app.MapPost("/named", ([Body] Named named) => new List<Named> { named });
                app.MapPost("/strict", async ([Body] Strict strict) => { await Task.Yield(); return strict; });
                app.MapGet("/numbers", () => new[] { 1, 2 });
                app.MapGet("/map", () => new Dictionary<string, Point?>());
                app.MapGet("/mood", () => ValueTask.FromResult(Mood.Calm));
                app.MapGet("/inner", () => (Inner?)null);
                app.MapPut("/ticket", ([Body] Ticket ticket) => ticket);
                app.MapPost("/page", ([Body] Page<Point> page) => page);
            }
        }
        """;

    private const string FullOrder = """
        {"id":3,"tag":"t","customer":"Ann","points":[{"x":1,"y":2}],"corners":[{"X":3,"Y":4}],"byName":{"a":{"name":"A","count":1,"mood":"calm"}},
        "numbers":[1,2],"labels":["l"],"others":["o"],"sequence":[9],"counts":{"c":1},"flags":{"f":true},"maybe":null,"ratio":0.5,"price":1.25,
        "big":9007199254740993,"flag":true,"key":"0f8fad5b-d9cb-469f-a165-70867728950e","when":"2024-01-02T03:04:05+01:00","mood":"veryHappy",
        "maybeMood":"calm","renamed":"r","secret":"s","failure":{"message":"m"},"optional":"o","computed":"c","init":"set","nested":{"depth":2,"note":"n","level":3},"bytes":"AQI=",
        "anything":{"k":[1,"two",null]},"dynamic":[true],"children":[{"id":4,"children":[]}],"writeOnly":"w","unknown":{"deep":[1]}}
        """;

    private static readonly Assembly Compiled = GeneratorHarness.Load(Program);

    // A file-local class: its metadata name is mangled, and ends with the declared name.
    private static readonly Type ResolverType = Compiled.GetTypes().Single(t => t.Name.EndsWith("PulyaGeneratedJsonResolver", StringComparison.Ordinal));

    private static readonly SystemTextJsonSerializer Reflection = With(new DefaultJsonTypeInfoResolver());

    private static readonly SystemTextJsonSerializer Generated = With((IJsonTypeInfoResolver)ResolverType
        .GetProperty("Instance")!.GetValue(null)!);

    public static TheoryData<string, string> Bodies => new()
    {
        { "Sample.Order", FullOrder },
        { "Sample.Order", "{}" },
        { "Sample.Order", """{"ID":1,"CUSTOMER":"case","Points":null,"optional":null,"nested":{}}""" },
        { "Sample.Named", """{"name":"n"}""" },
        { "Sample.Named", """{"count":1}""" },
        { "Sample.Named", """{"name":"n","count":2,"mood":"calm","note":"x"}""" },
        { "Sample.Strict", """{"name":"n","level":1}""" },
        { "Sample.Ticket", """{"class":2,"holder":"h"}""" },
        { "Page<Sample.Point>", """{"items":[{"x":1,"y":2}],"total":1,"kind":"k"}""" },
        { "List<Sample.Named>", """[{"name":"a"},{"name":"b","count":0}]""" },
        { "Sample.Mood", "\"veryHappy\"" },
        { "int[]", "[1,2,3]" },
    };

    public static TheoryData<string, string> BadBodies => new()
    {
        { "Sample.Order", """{"id":"x"}""" },
        { "Sample.Order", """{"points":[{"x":1,"y":"a"}]}""" },
        { "Sample.Order", """{"id":1,"id":2}""" },
        { "Sample.Order", """{"byName":{"k":{"name":"n","count":true}}}""" },
        { "Sample.Order", """{"nested":{"depth":1""" },
        { "Sample.Order", """{"mood":"sad"}""" },
        { "Sample.Order", "[]" },
        { "Sample.Named", """{"name":"n","name":"m"}""" },
        { "Sample.Strict", """{"name":"n"}""" },
        { "Sample.Strict", """{"level":1}""" },
        { "Sample.Ticket", """{"class":2}""" },
        { "Sample.Mood", "3.5" },
        { "int[]", """[1,"2"]""" },
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public void Reads_and_writes_like_reflection(string typeName, string json)
    {
        var type = Type(typeName);

        var read = Generated.Deserialize(Bytes(json), type);
        var expected = Reflection.Deserialize(Bytes(json), type);

        // The same value in (what reflection writes of both), the same bytes out.
        Assert.Equal(Write(Reflection, expected, type), Write(Reflection, read, type));
        Assert.Equal(Write(Reflection, expected, type), Write(Generated, expected, type));
    }

    [Theory]
    [MemberData(nameof(BadBodies))]
    public void Rejects_bad_json_with_the_same_message_as_reflection(string typeName, string json)
    {
        var type = Type(typeName);

        var expected = Assert.Throws<BodyFormatException>(() => Reflection.Deserialize(Bytes(json), type));
        var actual = Assert.Throws<BodyFormatException>(() => Generated.Deserialize(Bytes(json), type));

        Assert.Equal(expected.Message, actual.Message);
    }

    [Fact]
    public void Writes_the_result_types_the_handlers_declare()
    {
        var order = Reflection.Deserialize(Bytes(FullOrder), Type("Sample.Order"));
        Assert.Equal(Write(Reflection, order, order!.GetType()), Write(Generated, order, order.GetType()));
        Assert.Contains("\"renamed\":\"r\"", Write(Generated, order, order.GetType()), StringComparison.Ordinal);
        Assert.DoesNotContain("secret", Write(Generated, order, order.GetType()), StringComparison.Ordinal);

        foreach (var (type, value) in new (Type, object?)[]
        {
            (typeof(Dictionary<,>).MakeGenericType(typeof(string), Type("Sample.Point")), null),
            (typeof(Nullable<>).MakeGenericType(Type("Sample.Inner")), null),
            (Type("Sample.Mood"), Enum.ToObject(Type("Sample.Mood"), 1)),
            (typeof(int[]), new[] { 1, 2 }),
        })
        {
            var instance = value ?? Activator.CreateInstance(type);
            Assert.Equal(Write(Reflection, instance, type), Write(Generated, instance, type));
        }
    }

    [Fact]
    public void Converters_in_the_options_win_over_the_generated_metadata()
    {
        var options = SystemTextJsonSerializer.CreateDefaultOptions();
        options.Converters.Clear();
        options.TypeInfoResolver = (IJsonTypeInfoResolver)ResolverType.GetProperty("Instance")!.GetValue(null)!;
        var numbers = new SystemTextJsonSerializer(options);
        options.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower));
        var kebab = new SystemTextJsonSerializer(options);
        var mood = Enum.ToObject(Type("Sample.Mood"), 1);

        Assert.Equal("1", Write(numbers, mood, mood.GetType()));
        Assert.Equal("\"very-happy\"", Write(kebab, mood, mood.GetType()));
    }

    [Fact]
    public void The_resolver_registers_itself_when_the_assembly_loads_and_the_default_serializer_uses_it()
    {
        var method = Compiled.GetType("Sample.Endpoints")!.GetMethod("Map")!;
        System.Runtime.CompilerServices.RuntimeHelpers.RunModuleConstructor(method.Module.ModuleHandle);
        var serializer = new SystemTextJsonSerializer();

        var info = serializer.Options.GetTypeInfo(Type("Sample.Order"));

        // Reflection fills in the attribute provider of its properties; generated metadata has none.
        Assert.All(info.Properties, p => Assert.Null(p.AttributeProvider));
        Assert.NotNull(Reflection.Options.GetTypeInfo(Type("Sample.Order")).Properties[0].AttributeProvider);
    }

    [Fact]
    public void The_resolver_describes_no_other_type()
    {
        Assert.Null(Generated.Options.TypeInfoResolver!.GetTypeInfo(typeof(Uri), Generated.Options));
    }

    private static SystemTextJsonSerializer With(IJsonTypeInfoResolver resolver)
    {
        var options = SystemTextJsonSerializer.CreateDefaultOptions();
        options.TypeInfoResolver = resolver;
        return new SystemTextJsonSerializer(options);
    }

    private static Type Type(string name) => name switch
    {
        "int[]" => typeof(int[]),
        "List<Sample.Named>" => typeof(List<>).MakeGenericType(Type("Sample.Named")),
        "Page<Sample.Point>" => Type("Sample.Page`1").MakeGenericType(Type("Sample.Point")),
        _ => Compiled.GetType(name, throwOnError: true)!,
    };

    private static ReadOnlySequence<byte> Bytes(string json) => new(Encoding.UTF8.GetBytes(json));

    private static string Write(SystemTextJsonSerializer serializer, object? value, Type type)
    {
        var output = new ArrayBufferWriter<byte>();
        serializer.Serialize(output, value, type);
        return Encoding.UTF8.GetString(output.WrittenSpan);
    }
}
