using System.Buffers;
using Microsoft.Extensions.Options;
using Pulya.Testing.Conformance.Serialization;
using static Pulya.Testing.Conformance.Serialization.ConformanceModels;

namespace Pulya.Serialization.Tests.NewtonsoftJson;

/// <summary>SystemTextJson and NewtonsoftJson, both with default options, write the same bytes for every supported shape.</summary>
public sealed class JsonCrossCheckTests
{
    private static readonly SystemTextJsonSerializer SystemTextJson = new();
    private static readonly NewtonsoftJsonSerializer Newtonsoft = new(Options.Create(new NewtonsoftJsonOptions()));

    private static byte[] Write(IPulyaSerializer serializer, object? value, Type type)
    {
        var buffer = new ArrayBufferWriter<byte>();
        serializer.Serialize(buffer, value, type);
        return buffer.WrittenSpan.ToArray();
    }

    private static void AssertSameBytes<T>(T value) => Assert.Equal(Write(SystemTextJson, value, typeof(T)), Write(Newtonsoft, value, typeof(T)));

    [Fact]
    public void Models_are_written_identically()
    {
        AssertSameBytes(SerializerConformanceTests.SampleOrder());
        AssertSameBytes(SerializerConformanceTests.SampleEchoBody(10));
        AssertSameBytes(SerializerConformanceTests.SampleEchoBody(1000));
        AssertSameBytes(new Person(1, "x", null, Kind.First));
        AssertSameBytes(new List<Person?> { null, new(2, "y", "z", Kind.SecondValue) });
        AssertSameBytes(new Numbers { Int = 1, MinInt = int.MinValue, Long = long.MinValue, ULong = ulong.MaxValue, Double = 1e-7, Whole = -2, Single = 0.1f, Decimal = 0.000001m });
        AssertSameBytes(new Dictionary<string, object?> { ["Int"] = 1, ["text"] = "t", ["null"] = null, ["list"] = new[] { 1.5, 2 } });
        AssertSameBytes(new Pulya.Testing.Conformance.Hosting.Wiring("ok", "<User /wiring/a>", "a", [["X-Token", "t1"]]));
        AssertSameBytes(new DateTimeOffset(2026, 11, 27, 4, 33, 28, TimeSpan.FromHours(2)));
        AssertSameBytes(new DateTime(2026, 11, 27, 4, 33, 28, 500, DateTimeKind.Unspecified));
        AssertSameBytes(new DateOnly(2026, 11, 27));
        AssertSameBytes(TimeSpan.FromMinutes(90));
        AssertSameBytes(new byte[] { 1, 2, 3, 250 });
        AssertSameBytes((Kind)42);
    }

    [Fact]
    public void Every_basic_plane_character_is_escaped_identically()
    {
        for (var c = 0; c <= 0xFFFF; c++)
        {
            if (char.IsSurrogate((char)c))
            {
                continue;
            }

            var text = $"a{(char)c}b";
            Assert.True(Write(SystemTextJson, text, typeof(string)).AsSpan().SequenceEqual(Write(Newtonsoft, text, typeof(string))), $"U+{c:X4}");
        }
    }

    [Theory]
    [InlineData("😀 👍🏽 🇺🇦 𝄞 𠀀")]
    [InlineData("\ud800 lone high, lone low \udc00")]
    public void Supplementary_and_lone_surrogates_are_escaped_identically(string text) => AssertSameBytes(text);
}
