using System.Buffers;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Primitives;
using Pulya.Serialization;
using Pulya.Testing;
using static Pulya.Tests.TestApp;

namespace Pulya.Tests.Serialization;

/// <summary>
/// Content negotiation as RFC 9110 §12.5.1 says, on both servers: the most specific matching range decides a format's
/// quality; request bodies in a charset other than UTF-8 are 415; the work per <c>Accept</c> header is bounded.
/// </summary>
public sealed class NegotiationTests
{
    [Theory]
    [MemberData(nameof(Cases))]
    public async Task The_most_specific_matching_range_decides(TestTransport transport, string accept, string? expected)
    {
        await using var client = await StartAsync(
            transport,
            app => app.MapGet("/v", () => new { a = 1 }),
            builder => builder.Pulya.AddSerializer<PlainSerializer>(PlainSerializer.Name));
        using var request = new HttpRequestMessage(HttpMethod.Get, Path("/v"));
        request.Headers.TryAddWithoutValidation("Accept", accept);

        using var response = await client.Client.SendAsync(request);

        if (expected is null)
        {
            Assert.Equal(HttpStatusCode.NotAcceptable, response.StatusCode);
            return;
        }

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected, response.Content.Headers.ContentType!.MediaType);
    }

    public static TheoryData<TestTransport, string, string?> Cases()
    {
        var cases = new (string Accept, string? Expected)[]
        {
            ("application/json, */*;q=0", "application/json"),
            ("*/*;q=0, application/json", "application/json"),
            ("application/json;q=0.5, application/*;q=0", "application/json"),
            ("application/json;charset=utf-8", "application/json"),
            ("application/json; charset=\"UTF-8\"", "application/json"),
            ("application/json;charset=utf-16", null),
            ("application/*, application/json;q=0.1", "application/x-plain"),
            ("application/*;q=0.5, application/x-plain", "application/x-plain"),
            ("application/x-plain, application/json", "application/x-plain"),
            ("application/json, application/x-plain", "application/json"),
            ("*/*", "application/json"),
            ("application/*;q=0", null),
            ("application/json;q=0, application/x-plain;q=0, */*", null),
            ("application/json;v=2;q=0.2, application/json;q=0.9, application/x-plain;q=0.5", "application/x-plain"),
            ("text/html, application/json;q=abc", null),
            ("application/json;q=2, text/html", null),
            ("application/x-plain;q=0.3, text/html;q=\"a,b\", application/json;q=0.2", "application/x-plain"),
            ("*/json, nonsense, /json, application/", "application/json"),
            (",,, ,application/x-plain", "application/x-plain"),
        };
        var data = new TheoryData<TestTransport, string, string?>();
        foreach (var transport in TestTransports.All)
        {
            foreach (var (accept, expected) in cases)
            {
                data.Add(transport, accept, expected);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(TestTransports.Data), MemberType = typeof(TestTransports))]
    public async Task Entries_past_the_bound_are_not_considered(TestTransport transport)
    {
        await using var client = await StartAsync(transport, app => app.MapGet("/v", () => new { a = 1 }));
        var ignoredTail = string.Concat(Enumerable.Repeat("text/html, ", SerializerSelector.MaxAcceptEntries)) + "application/json";
        var withinBound = string.Concat(Enumerable.Repeat("text/html, ", SerializerSelector.MaxAcceptEntries - 1)) + "application/json";

        using var past = await SendAsync(client, ignoredTail);
        using var within = await SendAsync(client, withinBound);

        Assert.Equal(HttpStatusCode.NotAcceptable, past.StatusCode);
        Assert.Equal(HttpStatusCode.OK, within.StatusCode);
    }

    [Theory]
    [InlineData(1_000)]
    [InlineData(30_000)]
    public void The_work_per_header_is_bounded_whatever_its_length(int entries)
    {
        var selector = new SerializerSelector([new SystemTextJsonSerializer(), new PlainSerializer()]);
        var header = string.Join(", ", Enumerable.Repeat("*/*;q=0", entries));
        var split = new StringValues(Enumerable.Repeat("*/*;q=0", entries).ToArray());

        Assert.Null(selector.ForAccept(header, out var examined));
        Assert.Equal(SerializerSelector.MaxAcceptEntries, examined);
        Assert.Null(selector.ForAccept(split, out var examinedSplit));
        Assert.Equal(SerializerSelector.MaxAcceptEntries, examinedSplit);
        Assert.Same(selector.Default, selector.ForAccept("text/html, application/json", out var few));
        Assert.Equal(2, few);
    }

    [Fact]
    public void Many_registered_media_types_are_negotiated_too()
    {
        var serializers = Enumerable.Range(0, 20).Select(i => (IPulyaSerializer)new PlainSerializer()).Prepend(new SystemTextJsonSerializer()).ToArray();
        var selector = new SerializerSelector(serializers);

        Assert.Same(serializers[1], selector.ForAccept("application/x-plain"));
    }

    [Theory]
    [MemberData(nameof(TestTransports.Data), MemberType = typeof(TestTransports))]
    public async Task A_body_in_a_charset_other_than_utf8_is_415(TestTransport transport)
    {
        await using var client = await StartAsync(transport, app => app.MapPost("/b", ([Body] string body) => body));

        using var utf16 = await PostAsync(client, "application/json; charset=utf-16", Encoding.Unicode.GetBytes("\"hi\""));
        using var latin1 = await PostAsync(client, "application/json;charset=iso-8859-1", Encoding.Latin1.GetBytes("\"hi\""));
        using var utf8 = await PostAsync(client, "application/json; charset=\"UTF-8\"", Encoding.UTF8.GetBytes("\"hi\""));
        using var other = await PostAsync(client, "application/json; version=2", Encoding.UTF8.GetBytes("\"hi\""));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, utf16.StatusCode);
        Assert.Equal("{\"error\":\"Unsupported media type: send the body as application/json (UTF-8).\"}", await utf16.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, latin1.StatusCode);
        Assert.Equal("hi", await utf8.Content.ReadAsStringAsync());
        Assert.Equal("hi", await other.Content.ReadAsStringAsync());
    }

    private static async Task<HttpResponseMessage> SendAsync(PulyaTestClient client, string accept)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Path("/v"));
        request.Headers.TryAddWithoutValidation("Accept", accept);
        return await client.Client.SendAsync(request);
    }

    private static async Task<HttpResponseMessage> PostAsync(PulyaTestClient client, string contentType, byte[] body)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return await client.Client.PostAsync(Path("/b"), content);
    }

    /// <summary>A second format, <c>application/x-plain</c>: the value's <c>ToString()</c> in UTF-8.</summary>
    private sealed class PlainSerializer : IPulyaSerializer
    {
        public const string Name = "Plain";

        public string ContentType => "application/x-plain";

        public IReadOnlyList<string> MediaTypes { get; } = ["application/x-plain"];

        public void Prepare(Type type)
        {
        }

        public void Serialize(IBufferWriter<byte> output, object? value, Type type) => output.Write(Encoding.UTF8.GetBytes(value?.ToString() ?? string.Empty));

        public object? Deserialize(ReadOnlySequence<byte> body, Type type) => Encoding.UTF8.GetString(body);
    }
}
