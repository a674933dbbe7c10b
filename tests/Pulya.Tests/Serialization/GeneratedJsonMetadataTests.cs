using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Pulya.CompilerServices;
using Pulya.Serialization;

namespace Pulya.Tests.Serialization;

/// <summary>
/// Generated JSON metadata registers with <see cref="GeneratedJsonMetadata"/>; the SystemTextJson serializer asks it after
/// the application's resolvers and before reflection, and never when the caller's options bring their own resolver.
/// </summary>
public sealed class GeneratedJsonMetadataTests
{
    static GeneratedJsonMetadataTests()
    {
        GeneratedJsonMetadata.Register(Generated.Instance, GeneratedCodeContract.Version);
        GeneratedJsonMetadata.Register(Generated.Instance, GeneratedCodeContract.Version);
    }

    [Fact]
    public void The_default_serializer_uses_registered_metadata_before_reflection()
    {
        Assert.Equal("\"generated:1\"", Write(new SystemTextJsonSerializer(), new Marked(1)));
        Assert.Equal("\"generated:2\"", Write(new SystemTextJsonSerializer(new JsonSerializerOptions()), new Marked(2)));
        Assert.Equal("{\"value\":3}", Write(new SystemTextJsonSerializer(), new Unmarked(3)));
    }

    [Fact]
    public void The_applications_resolvers_come_first_and_options_with_a_resolver_are_left_alone()
    {
        var app = new SystemTextJsonSerializer([new MarkedResolver("app")]);
        var own = SystemTextJsonSerializer.CreateDefaultOptions();
        own.TypeInfoResolver = new DefaultJsonTypeInfoResolver();

        Assert.Equal("\"app:1\"", Write(app, new Marked(1)));
        Assert.Equal("{\"value\":2}", Write(new SystemTextJsonSerializer(own), new Marked(2)));
        Assert.Throws<ArgumentNullException>(() => GeneratedJsonMetadata.Register(null!, GeneratedCodeContract.Version));
    }

    [Fact]
    public void A_resolver_generated_for_another_contract_version_is_never_asked()
    {
        GeneratedJsonMetadata.Register(new OtherContractResolver(), GeneratedCodeContract.Version + 1);

        Assert.Equal("{\"value\":4}", Write(new SystemTextJsonSerializer(), new Unmarked(4)));
    }

    [Fact]
    public void Converters_in_the_options_are_found_and_factories_expanded()
    {
        var options = new JsonSerializerOptions();
        options.Converters.Add(new MarkedConverter("x"));
        options.Converters.Add(new JsonStringEnumConverter());

        Assert.IsType<MarkedConverter>(GeneratedJsonMetadata.OptionsConverter<Marked>(options));
        Assert.IsType<JsonConverter<DayOfWeek>>(GeneratedJsonMetadata.OptionsConverter<DayOfWeek>(options), exactMatch: false);
        Assert.Null(GeneratedJsonMetadata.OptionsConverter<int>(options));
        Assert.Throws<ArgumentNullException>(() => GeneratedJsonMetadata.OptionsConverter<int>(null!));
    }

    [Fact]
    public void Enums_use_the_options_converter_else_numbers_where_dynamic_code_runs()
    {
        var strings = SystemTextJsonSerializer.CreateDefaultOptions();
        var numbers = new JsonSerializerOptions();

        Assert.Equal("\"monday\"", Json(strings, GeneratedJsonMetadata.EnumConverter<DayOfWeek>(strings), DayOfWeek.Monday));
        Assert.Equal("1", Json(numbers, GeneratedJsonMetadata.EnumConverter<DayOfWeek>(numbers), DayOfWeek.Monday));
    }

    private static string Json<T>(JsonSerializerOptions options, JsonConverter converter, T value)
    {
        var output = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(output))
        {
            ((JsonConverter<T>)converter).Write(writer, value, options);
        }

        return Encoding.UTF8.GetString(output.WrittenSpan);
    }

    private static string Write(SystemTextJsonSerializer serializer, object value)
    {
        var output = new ArrayBufferWriter<byte>();
        serializer.Serialize(output, value, value.GetType());
        return Encoding.UTF8.GetString(output.WrittenSpan);
    }

    public sealed record Marked(int Value);

    public sealed record Unmarked(int Value);

    private sealed class Generated
    {
        public static readonly MarkedResolver Instance = new("generated");
    }

    private sealed class MarkedResolver(string label) : IJsonTypeInfoResolver
    {
        public JsonTypeInfo? GetTypeInfo(Type type, JsonSerializerOptions options) =>
            type == typeof(Marked) ? JsonMetadataServices.CreateValueInfo<Marked>(options, new MarkedConverter(label)) : null;
    }

    private sealed class OtherContractResolver : IJsonTypeInfoResolver
    {
        public JsonTypeInfo? GetTypeInfo(Type type, JsonSerializerOptions options) => throw new InvalidOperationException("A resolver of another contract version was asked.");
    }

    private sealed class MarkedConverter(string label) : JsonConverter<Marked>
    {
        public override Marked Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => new(int.Parse(reader.GetString()![(label.Length + 1)..], System.Globalization.CultureInfo.InvariantCulture));

        public override void Write(Utf8JsonWriter writer, Marked value, JsonSerializerOptions options) => writer.WriteStringValue($"{label}:{value.Value}");
    }
}
