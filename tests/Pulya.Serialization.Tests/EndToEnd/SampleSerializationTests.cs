using System.Net;
using System.Net.Http.Headers;
using System.Text;
using MessagePack;
using Microsoft.Extensions.Options;
using Pulya.Conformance.Serialization;
using Pulya.Testing;
using MessagePackCodec = MessagePack.MessagePackSerializer;

namespace Pulya.Serialization.Tests.EndToEnd;

/// <summary>
/// The sample application with each serializer as the default: <c>POST /echo</c> in JSON and MessagePack, content
/// negotiation (Content-Type → 415, Accept with q-values → 406), malformed bodies → 400 while the server keeps serving.
/// </summary>
public abstract class SampleSerializationTests(TestTransport transport)
{
    private const string EchoJson = "{\"items\":[{\"a\":\"1\",\"b\":\"2\",\"c\":\"3\",\"d\":\"4\",\"e\":\"5\",\"f\":\"6\",\"g\":\"7\"},{\"a\":\"Zoë\",\"b\":\"中文\",\"c\":\"\\uD83D\\uDE00\",\"d\":\"\\\"q\\\"\",\"e\":null,\"f\":\"\",\"g\":\"t\"}]}";

    private static readonly MessagePackSerializerOptions JsonNames = MessagePackSerializerOptions.Standard.WithResolver(JsonPropertyNamesResolver.Instance);

    private static readonly Uri Echo = new("/echo", UriKind.Relative);

    private Task<PulyaTestClient> StartAsync(string serializer) => SampleServer.StartAsync(serializer, transport);

    private static HttpRequestMessage Post(byte[] body, string contentType, string? accept = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, Echo) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        return request;
    }

    /// <summary>GET with a fixed Host header: /wiring echoes the headers, and on Kestrel each server has its own port.</summary>
    private static async Task<byte[]> GetBytesAsync(PulyaTestClient server, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.Host = "localhost";
        using var response = await server.Client.SendAsync(request);
        return await response.Content.ReadAsByteArrayAsync();
    }

    private static byte[] MessagePackEcho() => MessagePackCodec.Serialize(SerializerConformanceTests.SampleEchoBody(10), JsonNames);

    [Theory]
    [MemberData(nameof(SampleServer.SerializerNames), MemberType = typeof(SampleServer))]
    public async Task Echo_round_trips_json(string serializer)
    {
        await using var server = await StartAsync(serializer);

        using var response = await server.Client.SendAsync(Post(Encoding.UTF8.GetBytes(EchoJson), "application/json; charset=utf-8", "application/json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(EchoJson, await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [MemberData(nameof(SampleServer.SerializerNames), MemberType = typeof(SampleServer))]
    public async Task Echo_round_trips_messagepack(string serializer)
    {
        await using var server = await StartAsync(serializer);
        var body = MessagePackEcho();

        using var response = await server.Client.SendAsync(Post(body, "application/msgpack", "application/msgpack"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/msgpack", response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(body, bytes);
        Assert.Equal("g9", MessagePackCodec.Deserialize<EchoBody>(bytes, JsonNames).Items[9].G);
    }

    [Theory]
    [MemberData(nameof(SampleServer.SerializerNames), MemberType = typeof(SampleServer))]
    public async Task A_messagepack_client_uses_the_json_property_names_both_ways(string serializer)
    {
        await using var server = await StartAsync(serializer);

        // {"items":[{"a":"1","g":"7"}]}, written by hand as a client in any language would: before, these keys were
        // unknown to the .NET member names and the echo came back empty.
        byte[] body = [0x81, 0xA5, .. "items"u8, 0x91, 0x82, 0xA1, (byte)'a', 0xA1, (byte)'1', 0xA1, (byte)'g', 0xA1, (byte)'7'];
        using var response = await server.Client.SendAsync(Post(body, "application/msgpack", "application/msgpack"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var echoed = MessagePackCodec.ConvertToJson(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("""{"items":[{"a":"1","b":null,"c":null,"d":null,"e":null,"f":null,"g":"7"}]}""", echoed);
    }

    [Theory]
    [MemberData(nameof(SampleServer.SerializerNames), MemberType = typeof(SampleServer))]
    public async Task Without_accept_the_response_uses_the_default_serializer(string serializer)
    {
        await using var server = await StartAsync(serializer);

        using var response = await server.Client.SendAsync(Post(MessagePackEcho(), "application/x-msgpack"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(serializer == "MessagePack" ? "application/msgpack" : "application/json", response.Content.Headers.ContentType!.MediaType);
    }

    [Theory]
    [InlineData("application/json;q=0.4, application/msgpack;q=0.9", "application/msgpack")]
    [InlineData("application/msgpack;q=0.1, application/json", "application/json")]
    [InlineData("text/html, application/*;q=0.5", "application/json")]
    [InlineData("application/x-msgpack", "application/x-msgpack")]
    [InlineData("text/html, */*;q=0.1", "application/json")]
    [InlineData("application/json;q=0, */*;q=0.5", "application/msgpack")]
    [InlineData("application/msgpack, application/json", "application/msgpack")]
    public async Task Accept_chooses_among_the_registered_formats_by_quality(string accept, string expected)
    {
        await using var server = await StartAsync("SystemTextJson");

        using var response = await server.Client.SendAsync(Post(Encoding.UTF8.GetBytes(EchoJson), "application/json", accept));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected, response.Content.Headers.ContentType!.MediaType);
    }

    [Theory]
    [InlineData("text/html")]
    [InlineData("text/html, application/xml;q=0.9")]
    [InlineData("application/json;q=0, application/msgpack;q=0, application/x-msgpack;q=0")]
    public async Task Accept_that_rules_out_every_format_is_406(string accept)
    {
        await using var server = await StartAsync("NewtonsoftJson");

        using var response = await server.Client.SendAsync(Post(Encoding.UTF8.GetBytes(EchoJson), "application/json", accept));

        Assert.Equal(HttpStatusCode.NotAcceptable, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("Not acceptable", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("text/xml")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/jsonx")]
    public async Task Unsupported_content_type_is_415(string contentType)
    {
        await using var server = await StartAsync("MessagePack");

        using var response = await server.Client.SendAsync(Post(Encoding.UTF8.GetBytes(EchoJson), contentType));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("{\"error\":\"Unsupported media type: send the body as application/json, application/msgpack or application/x-msgpack (UTF-8).\"}", await response.Content.ReadAsStringAsync());
    }

    public static TheoryData<string, string, byte[]> MalformedBodies()
    {
        var echo = MessagePackEcho();
        return new()
        {
            { "SystemTextJson", "application/json", Encoding.UTF8.GetBytes("{\"items\":[{\"a\":\"SECRET") },
            { "NewtonsoftJson", "application/json", Encoding.UTF8.GetBytes("{\"items\":[{\"a\":SECRET}]}") },
            { "NewtonsoftJson", "application/json", [(byte)'{', (byte)'"', 0xFF, (byte)'"', (byte)':', (byte)'1', (byte)'}'] },
            { "SystemTextJson", "application/json", Encoding.UTF8.GetBytes("{\"items\":[]} SECRET") },
            { "NewtonsoftJson", "application/json", Encoding.UTF8.GetBytes(new string('[', 70) + "SECRET" + new string(']', 70)) },
            { "MessagePack", "application/msgpack", echo[..^3] },
            { "MessagePack", "application/msgpack", [0xDD, 0x7F, 0xFF, 0xFF, 0xFF, .. "SECRET"u8] },
            { "SystemTextJson", "application/msgpack", [0xC1, .. "SECRET"u8] },
            { "MessagePack", "application/x-msgpack", MessagePackCodec.Serialize("SECRET") },
            { "MessagePack", "application/msgpack", [0x81, 0xA5, .. "Items"u8, 0x91, 0x81, 0xA1, (byte)'A', 0xA8, .. "SECRET"u8, 0xFF, 0xFE] },
            { "SystemTextJson", "application/msgpack", [0x91, 0xA3, 0xED, 0xA0, 0x80] },
            { "MessagePack", "application/msgpack", MessagePackCodec.Serialize(SerializerConformanceTests.SampleEchoBody(10), JsonNames.WithCompression(MessagePackCompression.Lz4BlockArray)) },
        };
    }

    [Theory]
    [MemberData(nameof(MalformedBodies))]
    public async Task Malformed_body_is_400_without_echo_and_the_server_keeps_serving(string serializer, string contentType, byte[] body)
    {
        await using var server = await StartAsync(serializer);

        using var response = await server.Client.SendAsync(Post(body, contentType));
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("{\"error\":\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain("SECRET", text, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);

        using var next = await server.Client.SendAsync(Post(MessagePackEcho(), "application/msgpack", "application/json"));
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
    }

    [Fact]
    public async Task Newtonsoft_answers_every_json_route_with_the_same_bytes_as_system_text_json()
    {
        await using var stj = await StartAsync("SystemTextJson");
        await using var newtonsoft = await StartAsync("NewtonsoftJson");
        string[] paths = ["/", "/last_route", "/some/ä b/and/😀/7/other", "/wiring/zoë"];

        foreach (var path in paths)
        {
            Assert.Equal(await GetBytesAsync(stj, path), await GetBytesAsync(newtonsoft, path));
        }

        using var a = await stj.Client.SendAsync(Post(Encoding.UTF8.GetBytes(EchoJson), "application/json"));
        using var b = await newtonsoft.Client.SendAsync(Post(Encoding.UTF8.GetBytes(EchoJson), "application/json"));
        Assert.Equal(await a.Content.ReadAsByteArrayAsync(), await b.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task An_unregistered_serializer_name_fails_at_start_up_listing_the_registered_ones()
    {
        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => StartAsync("Protobuf"));

        Assert.Contains("'Protobuf' is not registered. Registered: SystemTextJson, NewtonsoftJson, MessagePack.", ex.Message, StringComparison.Ordinal);
    }

    /// <summary>The suite in memory.</summary>
    public sealed class OnTestServer() : SampleSerializationTests(TestTransport.TestServer);

    /// <summary>The suite over real Kestrel sockets.</summary>
    public sealed class OnKestrel() : SampleSerializationTests(TestTransport.Kestrel);
}
