using System.Buffers;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Pulya.Hosting;
using Pulya.Http;
using Pulya.Serialization;
using Pulya.Testing;
using Pulya.Tests.Shared.Models;
using static Pulya.Tests.TestApp;

namespace Pulya.Tests.Serialization;

/// <summary>
/// Caches must know that a negotiated response depends on <c>Accept</c>: <c>Vary: Accept</c> when more than one media
/// type is registered (negotiation can choose), never otherwise; a client naming an alias media type gets that type.
/// </summary>
public sealed class VaryAcceptTests
{
    [Theory]
    [MemberData(nameof(TestTransports.Data), MemberType = typeof(TestTransports))]
    public async Task A_negotiated_response_varies_by_accept_when_formats_can_be_chosen(TestTransport transport)
    {
        await using var client = await StartAsync(transport, Map, builder => builder.Pulya.AddMessagePack());

        using var json = await client.Client.GetAsync(Path("/item"));
        using var msgpack = await GetAsync(client, "/item", "application/msgpack");
        using var text = await client.Client.GetAsync(Path("/text"));
        using var sequence = await client.Client.GetAsync(Path("/sequence"));
        using var notFound = await client.Client.GetAsync(Path("/nowhere"));

        Assert.Equal(["Accept"], json.Headers.Vary);
        Assert.Equal(["Accept"], msgpack.Headers.Vary);
        Assert.Equal(["Accept"], sequence.Headers.Vary);
        Assert.Empty(text.Headers.Vary);
        Assert.Empty(notFound.Headers.Vary);
    }

    [Theory]
    [MemberData(nameof(TestTransports.Data), MemberType = typeof(TestTransports))]
    public async Task One_format_means_no_vary(TestTransport transport)
    {
        await using var client = await StartAsync(transport, Map);

        using var json = await client.Client.GetAsync(Path("/item"));

        Assert.Equal(HttpStatusCode.OK, json.StatusCode);
        Assert.Empty(json.Headers.Vary);
    }

    [Theory]
    [MemberData(nameof(TestTransports.Data), MemberType = typeof(TestTransports))]
    public async Task A_vary_the_handler_set_is_kept(TestTransport transport)
    {
        await using var client = await StartAsync(
            transport,
            app => app.MapGet("/item", () => Response.Serialized(new Item("a")).WithHeader("Vary", "Origin")),
            builder => builder.Pulya.AddMessagePack());

        using var response = await client.Client.GetAsync(Path("/item"));

        Assert.Equal(["Origin", "Accept"], response.Headers.Vary);
    }

    public static TheoryData<TestTransport, bool> TransportsWithAndWithoutMiddleware()
    {
        var data = new TheoryData<TestTransport, bool>();
        foreach (var transport in TestTransports.All)
        {
            data.Add(transport, false);
            data.Add(transport, true);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(TransportsWithAndWithoutMiddleware))]
    public async Task A_client_asking_for_an_alias_media_type_gets_that_type(TestTransport transport, bool middleware)
    {
        await using var client = await StartAsync(
            transport,
            app =>
            {
                if (middleware)
                {
                    app.Use((request, next) => next(request));
                }

                Map(app);
            },
            builder => builder.Pulya.AddMessagePack());

        using var alias = await GetAsync(client, "/item", "application/x-msgpack");
        using var own = await GetAsync(client, "/item", "application/msgpack");
        using var wildcard = await GetAsync(client, "/item", "application/json;q=0.5, application/*");

        Assert.Equal("application/x-msgpack", alias.Content.Headers.ContentType!.ToString());
        Assert.Equal("application/msgpack", own.Content.Headers.ContentType!.ToString());
        Assert.Equal("application/msgpack", wildcard.Content.Headers.ContentType!.ToString());
        Assert.Equal(await own.Content.ReadAsByteArrayAsync(), await alias.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public void An_alias_answer_is_the_same_format_under_the_asked_type()
    {
        var json = new SystemTextJsonSerializer();
        var aliased = new AliasedFormat();
        var selector = new SerializerSelector([json, aliased]);

        var answer = selector.ForAccept("text/x-aliased")!;
        var output = new ArrayBufferWriter<byte>();
        answer.Serialize(output, "value", typeof(string));
        answer.Prepare(typeof(string));

        Assert.Equal("text/x-aliased; charset=utf-8", answer.ContentType);
        Assert.Same(aliased.MediaTypes, answer.MediaTypes);
        Assert.Equal("value", Encoding.UTF8.GetString(output.WrittenSpan));
        Assert.Equal("back", answer.Deserialize(new ReadOnlySequence<byte>("back"u8.ToArray()), typeof(string)));
        Assert.Equal([typeof(string)], aliased.Prepared);
        Assert.Same(aliased, selector.ForAccept("application/x-aliased"));
        Assert.Same(answer, selector.ForAccept("text/x-aliased;q=0.9"));
        Assert.True(selector.Negotiates);
        Assert.Equal([json, aliased, answer], selector.Answers);
        Assert.False(new SerializerSelector([json, new SystemTextJsonSerializer()]).Negotiates);
    }

    private static void Map(PulyaApplication app) => app
        .MapGet("/item", () => new Item("a"))
        .MapGet("/text", () => "plain")
        .MapGet("/sequence", () => Items());

    private static async IAsyncEnumerable<Item> Items()
    {
        await Task.Yield();
        yield return new Item("a");
    }

    private static async Task<HttpResponseMessage> GetAsync(PulyaTestClient client, string path, string accept)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Path(path));
        request.Headers.Accept.Add(MediaTypeWithQualityHeaderValue.Parse(accept.Split(',')[0]));
        foreach (var more in accept.Split(',').Skip(1))
        {
            request.Headers.Accept.Add(MediaTypeWithQualityHeaderValue.Parse(more.Trim()));
        }

        return await client.Client.SendAsync(request);
    }

    /// <summary>A text format known under two media types; its own content type carries a charset.</summary>
    private sealed class AliasedFormat : IPulyaSerializer
    {
        public List<Type> Prepared { get; } = [];

        public string ContentType => "application/x-aliased; charset=utf-8";

        public IReadOnlyList<string> MediaTypes { get; } = ["application/x-aliased", "text/x-aliased"];

        public void Prepare(Type type) => Prepared.Add(type);

        public void Serialize(IBufferWriter<byte> output, object? value, Type type) => output.Write(Encoding.UTF8.GetBytes(value?.ToString() ?? string.Empty));

        public object? Deserialize(ReadOnlySequence<byte> body, Type type) => Encoding.UTF8.GetString(body);
    }
}
