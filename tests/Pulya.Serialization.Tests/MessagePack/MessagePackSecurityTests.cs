using System.Buffers;
using MessagePack;
using MessagePack.Resolvers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Pulya.Testing.Conformance.Serialization;
using Pulya.Testing;
using Pulya.Tests.Shared.Models;
using MessagePackCodec = MessagePack.MessagePackSerializer;

namespace Pulya.Serialization.Tests.MessagePack;

/// <summary>The safe defaults of <c>MessagePack</c>, each shown by behaviour: untrusted-data security, no Typeless, no LZ4 unless asked for, length bombs rejected.</summary>
public sealed class MessagePackSecurityTests
{
    private static MessagePackSerializer Create(Action<MessagePackOptions>? configure = null)
    {
        var options = new MessagePackOptions();
        configure?.Invoke(options);
        return new MessagePackSerializer(Options.Create(options));
    }

    private static BodyFormatException Rejects(MessagePackSerializer serializer, byte[] body, Type type) =>
        Assert.Throws<BodyFormatException>(() => serializer.Deserialize(new ReadOnlySequence<byte>(body), type));

    private static byte[] Write(MessagePackSerializer serializer, object value)
    {
        var buffer = new ArrayBufferWriter<byte>();
        serializer.Serialize(buffer, value, value.GetType());
        return buffer.WrittenSpan.ToArray();
    }

    [Fact]
    public void Defaults_are_untrusted_data_depth_64_json_names_and_no_compression()
    {
        var options = Create().Options;

        Assert.True(options.Security.HashCollisionResistant);
        Assert.Equal(64, options.Security.MaximumObjectGraphDepth);
        Assert.Equal(MessagePackCompression.None, options.Compression);
        Assert.Same(JsonPropertyNamesResolver.Instance, options.Resolver);
        Assert.IsNotType<global::MessagePack.Formatters.TypelessFormatter>(options.Resolver.GetFormatter<object>());
    }

    [Fact]
    public void A_typeless_resolver_is_refused()
    {
        var ex = Assert.Throws<OptionsValidationException>(() => Create(o => o.Resolver = TypelessContractlessStandardResolver.Instance));

        Assert.Contains("Typeless", ex.Message, StringComparison.Ordinal);
        Assert.Throws<OptionsValidationException>(() => Create(o => o.Resolver = null!));
    }

    [Fact]
    public async Task An_application_configured_with_a_typeless_resolver_fails_at_start_up()
    {
        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => PulyaTestClient.StartAsync(
            app => app.MapGet("/", () => "ok"),
            builder => builder.Pulya.AddMessagePack(o => o.Resolver = TypelessContractlessStandardResolver.Instance)));

        Assert.Contains("Typeless", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_typeless_payload_never_creates_the_type_it_names()
    {
        var before = Tripwire.Created;
        var typeless = MessagePackCodec.Serialize(new Holder { Value = new Tripwire { Command = "rm" } }, MessagePackSerializerOptions.Standard.WithResolver(TypelessContractlessStandardResolver.Instance));
        Assert.Equal(before + 1, Tripwire.Created);

        try
        {
            var holder = (Holder?)Create().Deserialize(new ReadOnlySequence<byte>(typeless), typeof(Holder));
            Assert.IsNotType<Tripwire>(holder!.Value);
        }
        catch (BodyFormatException)
        {
            // Rejecting the extension is as good as reading it as plain data.
        }

        Assert.Equal(before + 1, Tripwire.Created);
    }

    [Theory]
    [InlineData(new byte[] { 0x82, 0xA5, 0x49, 0x74, 0x65, 0x6D, 0x73, 0x90, 0xA7, 0x75, 0x6E, 0x6B, 0x6E, 0x6F, 0x77, 0x6E, 0x93, 0x01, 0x02 })]
    [InlineData(new byte[] { 0x82, 0xA7, 0x75, 0x6E, 0x6B, 0x6E, 0x6F, 0x77, 0x6E, 0x93, 0x01, 0x02 })]
    [InlineData(new byte[] { 0x82, 0xA7, 0x75, 0x6E, 0x6B, 0x6E, 0x6F, 0x77, 0x6E, 0x81, 0xA1, 0x61 })]
    [InlineData(new byte[] { 0x81, 0xA7, 0x75, 0x6E, 0x6B, 0x6E, 0x6F, 0x77, 0x6E, 0x93, 0x01, 0x02 })]
    [InlineData(new byte[] { 0x81, 0xA7, 0x75, 0x6E, 0x6B, 0x6E, 0x6F, 0x77, 0x6E, 0xDC, 0x00, 0x05, 0x01 })]
    [InlineData(new byte[] { 0x81, 0xA7, 0x75, 0x6E, 0x6B, 0x6E, 0x6F, 0x77, 0x6E, 0xA5, 0x61 })]
    [InlineData(new byte[] { 0x81, 0xA7, 0x75, 0x6E, 0x6B, 0x6E, 0x6F, 0x77, 0x6E, 0x93 })]
    [InlineData(new byte[] { 0x81, 0xA7, 0x75, 0x6E, 0x6B, 0x6E, 0x6F, 0x77, 0x6E, 0x91, 0x92, 0x01 })]
    [InlineData(new byte[] { 0x81, 0xA7, 0x75, 0x6E, 0x6B, 0x6E, 0x6F, 0x77, 0x6E, 0xCD, 0x01 })]
    [InlineData(new byte[] { 0x81, 0xA7, 0x75, 0x6E, 0x6B, 0x6E, 0x6F, 0x77, 0x6E, 0xDD, 0x00, 0x00, 0x00, 0x03, 0x01 })]
    public void A_truncated_value_under_an_unknown_key_is_rejected_as_under_a_known_one(byte[] body)
    {
        var ex = Rejects(Create(), body, typeof(EchoBody));

        Assert.Equal("Malformed MessagePack body: the data ends early (truncated, or a length larger than the body).", ex.Message);
    }

    [Fact]
    public void A_truncated_value_nested_past_the_depth_limit_under_an_unknown_key_is_rejected()
    {
        var body = new byte[] { 0x82, 0xA5, 0x49, 0x74, 0x65, 0x6D, 0x73, 0x90, 0xA7, 0x75, 0x6E, 0x6B, 0x6E, 0x6F, 0x77, 0x6E }.Concat(Enumerable.Repeat((byte)0x91, 1_000)).ToArray();
        var closed = body.Append((byte)0x90).ToArray();

        Rejects(Create(), body, typeof(EchoBody));
        Assert.NotNull(Create().Deserialize(new ReadOnlySequence<byte>(closed), typeof(EchoBody)));
    }

    [Fact]
    public void Depth_limit_is_configurable_and_named_in_the_message()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new MessagePackOptions { MaximumObjectGraphDepth = 0 });
        var serializer = Create(o => o.MaximumObjectGraphDepth = 5);
        var nested = Write(Create(), new global::Pulya.Testing.Conformance.Serialization.ConformanceModels.Node { Child = new() { Child = new() { Child = new() { Child = new() { Child = new() } } } } });

        var ex = Rejects(serializer, nested, typeof(global::Pulya.Testing.Conformance.Serialization.ConformanceModels.Node));

        Assert.Equal("Malformed MessagePack body: nested deeper than 5 levels.", ex.Message);
    }

    [Theory]
    [InlineData(new byte[] { 0xDD, 0x7F, 0xFF, 0xFF, 0xFF, 0x01 }, typeof(List<int>))]
    [InlineData(new byte[] { 0xDF, 0x7F, 0xFF, 0xFF, 0xFF, 0xA1, 0x61, 0x01 }, typeof(Dictionary<string, int>))]
    [InlineData(new byte[] { 0xDB, 0x7F, 0xFF, 0xFF, 0xFF, 0x41 }, typeof(string))]
    [InlineData(new byte[] { 0xC6, 0x7F, 0xFF, 0xFF, 0xFF, 0x41 }, typeof(byte[]))]
    [InlineData(new byte[] { 0x81, 0xA5, 0x49, 0x74, 0x65, 0x6D, 0x73, 0xDD, 0x7F, 0xFF, 0xFF, 0xFF }, typeof(EchoBody))]
    public void Length_bombs_are_rejected_before_allocating(byte[] body, Type type)
    {
        var ex = Rejects(Create(), body, type);

        Assert.Equal("Malformed MessagePack body: the data ends early (truncated, or a length larger than the body).", ex.Message);
    }

    [Fact]
    public void An_lz4_body_is_rejected_unless_compression_is_on()
    {
        var body = ContractlessEchoBody(100);
        var block = MessagePackCodec.Serialize(body, MessagePackSerializerOptions.Standard.WithResolver(ContractlessStandardResolver.Instance).WithCompression(MessagePackCompression.Lz4Block));
        var blockArray = MessagePackCodec.Serialize(body, MessagePackSerializerOptions.Standard.WithResolver(ContractlessStandardResolver.Instance).WithCompression(MessagePackCompression.Lz4BlockArray));

        Assert.Contains("LZ4", Rejects(Create(), block, typeof(EchoBody)).Message, StringComparison.Ordinal);
        Assert.Contains("LZ4", Rejects(Create(), blockArray, typeof(EchoBody)).Message, StringComparison.Ordinal);

        var lz4 = Create(o => o.Compression = MessagePackCompression.Lz4BlockArray);
        Assert.Equal(100, ((EchoBody)lz4.Deserialize(new ReadOnlySequence<byte>(blockArray), typeof(EchoBody))!).Items.Count);
        Assert.True(Write(lz4, body).Length < Write(Create(), body).Length);
    }

    [Fact]
    public void Never_used_and_mismatched_codes_are_rejected()
    {
        Assert.Equal("MessagePack body does not match the expected type, or is not valid MessagePack.", Rejects(Create(), [0xC1], typeof(EchoBody)).Message);
        Assert.Equal("MessagePack body does not match the expected type, or is not valid MessagePack.", Rejects(Create(), [0xA3, 0x61, 0x62, 0x63], typeof(EchoBody)).Message);
    }

    [Fact]
    public void Registration_is_idempotent_and_applies_the_callback()
    {
        var services = new ServiceCollection();
        services.AddPulya().AddMessagePack().AddMessagePack(o => o.MaximumObjectGraphDepth = 8);
        using var provider = services.BuildServiceProvider();

        var serializer = (MessagePackSerializer)provider.GetRequiredKeyedService<IPulyaSerializer>(MessagePackSerializer.Name);

        Assert.Equal(8, serializer.Options.Security.MaximumObjectGraphDepth);
        Assert.Equal(["application/msgpack", "application/x-msgpack"], serializer.MediaTypes);
    }

    private static EchoBody ContractlessEchoBody(int items) => new()
    {
        Items = [.. Enumerable.Range(0, items).Select(i => new EchoItem { A = "aaaaaaaa", B = "bbbbbbbb", C = $"c{i}" })],
    };
}
