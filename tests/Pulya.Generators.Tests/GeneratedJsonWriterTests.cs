using System.Buffers;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Pulya.Serialization;

namespace Pulya.Generators.Tests;

/// <summary>
/// The serialization fast path the generator writes next to the JSON metadata: a writer per described object type,
/// simple values written with one <c>Utf8JsonWriter</c> call under pre-encoded names, other values through the writer of
/// their type; types left to reflection get none. The default serializer writes with them the bytes reflection writes.
/// </summary>
public sealed class GeneratedJsonWriterTests
{
    private const string Program = """
        using System;
        using System.Collections.Generic;
        using System.Text.Json.Serialization;
        using Pulya.Hosting;

        namespace Fast;

        public enum Color { Red, DarkBlue }

        public sealed record Line(int From, int To);

        public sealed class Shape
        {
            public string? Name { get; set; }
            public int? Sides { get; set; }
            public Guid? Key { get; set; }
            public DateTime At { get; set; }
            public Color Color { get; set; }
            public Line[] Lines { get; set; } = [];
            public List<Line?> Extra { get; set; } = [];
            public Dictionary<string, Line> Named { get; set; } = [];
            public object? Anything { get; set; }
            [JsonPropertyName("@id")] public long Id { get; set; }
            [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] public float Weight { get; set; }
            public Shape? Parent { get; set; }
            public string Hidden { set { } }
        }

        public sealed class Ordered
        {
            [JsonPropertyOrder(2)] public int B { get; set; }
            public int A { get; set; }
        }

        public static class Endpoints
        {
            public static void Map(PulyaApplication app)
            {
                app.MapGet("/shape", () => new Shape());
                app.MapGet("/ordered", () => new Ordered());
            }
        }
        """;

    private static readonly Assembly Compiled = GeneratorHarness.Load(Program);

    [Fact]
    public void Each_described_object_type_gets_a_writer_with_direct_calls_for_simple_values()
    {
        var (output, _, _) = GeneratorHarness.Run(Program);
        var json = GeneratorHarness.Source(output, "PulyaGeneratedJsonResolver.g.cs")!;
        var shape = json[json.IndexOf("GeneratedJsonObjectWriter<global::Fast.Shape>", StringComparison.Ordinal)..];

        Assert.Contains("IGeneratedJsonWriterFactory", json, StringComparison.Ordinal);
        Assert.Contains("if (type == typeof(global::Fast.Shape)) return context.Accepts(typeof(global::Fast.Shape), typeof(string), typeof(int?), typeof(int), typeof(global::System.Guid?), typeof(global::System.Guid), typeof(global::System.DateTime), typeof(long), typeof(float)) ? new Writer", json, StringComparison.Ordinal);
        Assert.Contains("if (v0 is null) writer.WriteNull(_n0); else writer.WriteString(_n0, v0);", shape, StringComparison.Ordinal);
        Assert.Contains("if (v1.HasValue) writer.WriteNumber(_n1, v1.GetValueOrDefault()); else writer.WriteNull(_n1);", shape, StringComparison.Ordinal);
        Assert.Contains("writer.WriteString(_n3, v3);", shape, StringComparison.Ordinal);
        Assert.Contains("_w4 = context.Value<global::Fast.Color>();", shape, StringComparison.Ordinal);
        Assert.Contains("_w5 = context.Array<global::Fast.Line>();", shape, StringComparison.Ordinal);
        Assert.Contains("_w6 = context.List<global::Fast.Line>();", shape, StringComparison.Ordinal);
        Assert.Contains("_w7 = context.Value<global::System.Collections.Generic.Dictionary<string, global::Fast.Line>>();", shape, StringComparison.Ordinal);
        Assert.Contains("_c10 = context.Condition(2);", shape, StringComparison.Ordinal);
        Assert.DoesNotContain("_n12", shape, StringComparison.Ordinal);
    }

    [Fact]
    public void A_type_left_to_reflection_gets_no_writer()
    {
        var (output, _, _) = GeneratorHarness.Run(Program);
        var json = GeneratorHarness.Source(output, "PulyaGeneratedJsonResolver.g.cs")!;

        Assert.DoesNotContain("global::Fast.Ordered", json, StringComparison.Ordinal);
        Assert.Null(CreateWriter(typeof(Uri)));
        Assert.Null(CreateWriter(Compiled.GetType("Fast.Color")!));
    }

    [Fact]
    public void The_default_serializer_writes_with_them_what_reflection_writes()
    {
        var shapeType = Compiled.GetType("Fast.Shape")!;
        System.Runtime.CompilerServices.RuntimeHelpers.RunModuleConstructor(shapeType.Module.ModuleHandle);
        var options = SystemTextJsonSerializer.CreateDefaultOptions();
        options.TypeInfoResolver = new DefaultJsonTypeInfoResolver();
        var reflection = new SystemTextJsonSerializer(options);
        var serializer = new SystemTextJsonSerializer();
        const string Body = """
            {"name":"tri\u00e9 <&>","sides":3,"key":"0f8fad5b-d9cb-469f-a165-70867728950e","at":"2026-01-31T13:45:00Z","color":"darkBlue",
            "lines":[{"from":1,"to":2}],"extra":[null,{"from":3,"to":4}],"named":{"a":{"from":5,"to":6}},"anything":{"k":[1]},"@id":-9,"weight":0.5,
            "parent":{"name":null,"lines":[],"extra":[],"named":{}}}
            """;

        Assert.True(serializer.WritesWithGeneratedCode(shapeType));
        foreach (var json in new[] { Body, "{}" })
        {
            var shape = reflection.Deserialize(new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes(json)), shapeType);
            Assert.Equal(Write(reflection, shape, shapeType), Write(serializer, shape, shapeType));
        }
    }

    private static object? CreateWriter(Type type)
    {
        var resolver = Compiled.GetTypes().Single(t => t.Name.EndsWith("PulyaGeneratedJsonResolver", StringComparison.Ordinal));
        var factory = (Pulya.CompilerServices.IGeneratedJsonWriterFactory)resolver.GetProperty("Instance")!.GetValue(null)!;
        return factory.CreateWriter(type, null!);
    }

    private static string Write(SystemTextJsonSerializer serializer, object? value, Type type)
    {
        var output = new ArrayBufferWriter<byte>();
        serializer.Serialize(output, value, type);
        return Encoding.UTF8.GetString(output.WrittenSpan);
    }
}
