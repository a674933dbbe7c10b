using System.Buffers;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Pulya.Testing;
using Pulya.Tests.Shared.Models;

namespace Pulya.Serialization.Tests.NewtonsoftJson;

/// <summary>The safe defaults of <c>NewtonsoftJson</c>, each shown by behaviour: no type names, bounded depth, validated settings.</summary>
public sealed class NewtonsoftJsonSecurityTests
{
    private static NewtonsoftJsonSerializer Create(Action<NewtonsoftJsonOptions>? configure = null)
    {
        var options = new NewtonsoftJsonOptions();
        configure?.Invoke(options);
        return new NewtonsoftJsonSerializer(Options.Create(options));
    }

    private static object? Read(IPulyaSerializer serializer, string json, Type type) =>
        serializer.Deserialize(new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes(json)), type);

    [Fact]
    public void Defaults_are_no_type_names_and_depth_64()
    {
        var settings = NewtonsoftJsonOptions.CreateDefaultSettings();

        Assert.Equal(TypeNameHandling.None, settings.TypeNameHandling);
        Assert.Equal(MetadataPropertyHandling.Ignore, settings.MetadataPropertyHandling);
        Assert.Equal(64, settings.MaxDepth);
        Assert.Equal(64, Create().MaxDepth);
    }

    [Fact]
    public void A_type_name_in_the_body_never_creates_that_type()
    {
        var serializer = Create();
        var before = Tripwire.Created;
        var typeName = typeof(Tripwire).AssemblyQualifiedName;

        var holder = (Holder)Read(serializer, $"{{\"value\":{{\"$type\":\"{typeName}\",\"command\":\"rm\"}}}}", typeof(Holder))!;
        var top = Read(serializer, $"{{\"$type\":\"{typeName}\",\"command\":\"rm\"}}", typeof(object));

        Assert.IsType<JObject>(holder.Value);
        Assert.IsType<JObject>(top);
        Assert.Equal(before, Tripwire.Created);
    }

    [Theory]
    [InlineData(TypeNameHandling.Auto)]
    [InlineData(TypeNameHandling.Objects)]
    [InlineData(TypeNameHandling.All)]
    public void A_configuration_that_turns_type_names_on_is_refused(TypeNameHandling handling)
    {
        var ex = Assert.Throws<OptionsValidationException>(() => Create(o => o.SerializerSettings.TypeNameHandling = handling));

        Assert.Contains("TypeNameHandling must be None", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_configuration_without_a_max_depth_is_refused()
    {
        var ex = Assert.Throws<OptionsValidationException>(() => Create(o => o.SerializerSettings.MaxDepth = null));

        Assert.Contains("MaxDepth", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_application_configured_with_type_names_fails_at_start_up()
    {
        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => PulyaTestClient.StartAsync(
            app => app.MapGet("/", () => "ok"),
            builder => builder.Pulya.AddNewtonsoftJson(o => o.SerializerSettings.TypeNameHandling = TypeNameHandling.Auto)));

        Assert.Contains("TypeNameHandling", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_lower_max_depth_is_honoured_and_named()
    {
        var serializer = Create(o => o.SerializerSettings.MaxDepth = 3);

        Assert.NotNull(Read(serializer, "{\"value\":{\"a\":1}}", typeof(Holder)));
        var ex = Assert.Throws<BodyFormatException>(() => Read(serializer, "{\"value\":{\"a\":{\"b\":{\"c\":1}}}}", typeof(Holder)));
        Assert.Contains("deeper than 3 levels", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Settings_are_copied_at_construction()
    {
        var options = new NewtonsoftJsonOptions();
        var serializer = new NewtonsoftJsonSerializer(Options.Create(options));
        options.SerializerSettings.NullValueHandling = NullValueHandling.Ignore;

        var buffer = new ArrayBufferWriter<byte>();
        serializer.Serialize(buffer, new Holder(), typeof(Holder));

        Assert.Equal("{\"value\":null}", Encoding.UTF8.GetString(buffer.WrittenSpan));
    }

    [Fact]
    public void Type_mismatch_message_names_the_position_not_the_value()
    {
        var ex = Assert.Throws<BodyFormatException>(() => Read(Create(), "{\"items\":{\"SECRET\":1}}", typeof(Pulya.Testing.Conformance.Serialization.EchoBody)));

        Assert.StartsWith("JSON body does not match the expected type at line 1, position", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("SECRET", ex.Message, StringComparison.Ordinal);
        Assert.IsType<JsonSerializationException>(ex.InnerException);
    }

    [Fact]
    public void Invalid_utf8_is_named_as_such() =>
        Assert.Equal("Malformed JSON body: the bytes are not valid UTF-8.", Assert.Throws<BodyFormatException>(() =>
            Create().Deserialize(new ReadOnlySequence<byte>([(byte)'"', 0xFF, (byte)'"']), typeof(string))).Message);

    [Fact]
    public void Registration_is_idempotent_and_applies_the_callback()
    {
        var services = new ServiceCollection();
        var builder = services.AddPulya();

        builder.AddNewtonsoftJson().AddNewtonsoftJson(o => o.SerializerSettings.NullValueHandling = NullValueHandling.Ignore);
        using var provider = services.BuildServiceProvider();

        var serializer = provider.GetRequiredKeyedService<IPulyaSerializer>(NewtonsoftJsonSerializer.Name);
        var buffer = new ArrayBufferWriter<byte>();
        serializer.Serialize(buffer, new Holder(), typeof(Holder));
        Assert.Equal("{}", Encoding.UTF8.GetString(buffer.WrittenSpan));
        Assert.Single(provider.GetKeyedServices<IPulyaSerializer>(NewtonsoftJsonSerializer.Name));
    }
}
