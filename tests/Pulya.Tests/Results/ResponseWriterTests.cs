using System.Buffers;
using System.Net;
using System.Text;
using Microsoft.Extensions.Logging;
using Pulya.Http;
using Pulya.Serialization;
using Pulya.Testing;
using static Pulya.Tests.TestApp;

namespace Pulya.Tests.Results;

/// <summary>
/// How serialized results reach the client, on both servers: buffered with <c>Content-Length</c> up to
/// <c>Pulya:ResponseBufferSize</c>, streamed beyond; a serializer failure before any byte left is the JSON 500.
/// </summary>
public sealed class ResponseWriterTests
{
    private const string BufferSize = "--Pulya:ResponseBufferSize=1024";

    [Theory]
    [MemberData(nameof(TestTransports.Data), MemberType = typeof(TestTransports))]
    public async Task A_serializer_asking_a_zero_size_hint_still_writes_small_and_large_bodies(TestTransport transport)
    {
        // Kestrel's response writer hands out an empty block for a zero size hint before the response starts.
        await using var client = await StartAsync(
            transport,
            app => app.MapGet("/small", () => new Payload(10)).MapGet("/large", () => new Payload(100_000)),
            builder => builder.Pulya.AddSerializer<ZeroHintSerializer>(ZeroHintSerializer.Name),
            "--Pulya:Serializer=" + ZeroHintSerializer.Name,
            BufferSize);

        using var small = await client.Client.GetAsync(Path("/small"));
        using var large = await client.Client.GetAsync(Path("/large"));

        Assert.Equal(HttpStatusCode.OK, small.StatusCode);
        Assert.Equal("10", ContentLengthHeader(small));
        Assert.Equal(new string('z', 10), await small.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, large.StatusCode);
        Assert.Null(ContentLengthHeader(large));
        Assert.Equal(new string('z', 100_000), await large.Content.ReadAsStringAsync());
    }

    [Theory]
    [MemberData(nameof(TestTransports.Data), MemberType = typeof(TestTransports))]
    public async Task Bodies_up_to_the_buffer_size_carry_content_length_and_larger_ones_are_chunked(TestTransport transport)
    {
        // ["x...x"] is the string's length + 4 bytes.
        await using var client = await StartAsync(
            transport,
            app => app.MapGet("/fits", () => new[] { new string('x', 1020) }).MapGet("/large", () => Enumerable.Repeat("x", 20_000)),
            args: BufferSize);

        using var fits = await client.Client.GetAsync(Path("/fits"));
        using var large = await client.Client.GetAsync(Path("/large"));

        Assert.Equal("1024", ContentLengthHeader(fits));
        Assert.Equal(1024, (await fits.Content.ReadAsByteArrayAsync()).Length);
        Assert.Null(ContentLengthHeader(large));
        Assert.Equal(transport == TestTransport.Kestrel, large.Headers.TransferEncodingChunked == true);
        Assert.Equal("[" + string.Join(',', Enumerable.Repeat("\"x\"", 20_000)) + "]", await large.Content.ReadAsStringAsync());
    }

    [Theory]
    [MemberData(nameof(TestTransports.Data), MemberType = typeof(TestTransports))]
    public async Task Head_gets_the_content_length_of_get_and_serializes_once(TestTransport transport)
    {
        var counter = new Counter();
        await using var client = await StartAsync(
            transport,
            app => app
                .MapGet("/small", () => new Counted(counter, 10))
                .MapGet("/large", () => new Counted(counter, 5000))
                .MapGet("/streamed", () => Enumerable.Range(0, 5000).Select(_ => new Counted(counter, 1))),
            args: BufferSize);

        using var getSmall = await client.Client.GetAsync(Path("/small"));
        using var headSmall = await client.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, Path("/small")));
        using var headLarge = await client.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, Path("/large")));

        Assert.Equal(22, getSmall.Content.Headers.ContentLength);
        Assert.Equal(22, headSmall.Content.Headers.ContentLength);
        Assert.Equal(5012, headLarge.Content.Headers.ContentLength);
        Assert.Empty(await headLarge.Content.ReadAsByteArrayAsync());
        Assert.Equal(3, counter.Count);

        // Many small writes past the buffer size: GET streams it chunked, HEAD counts it and sends the length.
        using var getStreamed = await client.Client.GetAsync(Path("/streamed"));
        using var headStreamed = await client.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, Path("/streamed")));
        Assert.Null(ContentLengthHeader(getStreamed));
        Assert.Equal((await getStreamed.Content.ReadAsByteArrayAsync()).Length.ToString(System.Globalization.CultureInfo.InvariantCulture), ContentLengthHeader(headStreamed));
        Assert.Equal(3 + (2 * 5000), counter.Count);
    }

    [Theory]
    [MemberData(nameof(TestTransports.Data), MemberType = typeof(TestTransports))]
    public async Task A_serializer_failing_before_any_byte_left_is_the_json_500_without_the_handlers_headers_and_logged(TestTransport transport)
    {
        var logs = new CapturedLogs();
        await using var client = await StartWithLogsAsync(
            transport,
            app => app
                .MapGet("/nan", () => new { value = double.NaN })
                .MapGet("/infinity", () => new[] { float.PositiveInfinity })
                .MapGet("/cookie", () => Response.Serialized(new { value = double.NegativeInfinity }, 201).WithHeader("Set-Cookie", "a=b").WithHeader("Location", "/x")),
            logs);

        foreach (var path in new[] { "/nan", "/infinity", "/cookie" })
        {
            using var response = await client.Client.GetAsync(Path(path));

            Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
            Assert.Equal("{\"error\":\"Internal server error.\"}", await response.Content.ReadAsStringAsync());
            Assert.False(response.Headers.Contains("Set-Cookie"));
            Assert.Null(response.Headers.Location);
        }

        Assert.Equal(3, logs.Entries.Count(e => e.Level == LogLevel.Error && e.Exception is not null));
    }

    [Theory]
    [MemberData(nameof(TestTransports.Data), MemberType = typeof(TestTransports))]
    public async Task A_serializer_failing_after_streaming_started_aborts_the_response_and_the_server_keeps_serving(TestTransport transport)
    {
        await using var client = await StartAsync(
            transport,
            app => app.MapGet("/fails-late", () => new LateFailure(new string('x', 50_000))).MapGet("/ok", () => new { ok = true }),
            args: BufferSize);

        await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            using var response = await client.Client.GetAsync(Path("/fails-late"));
            var body = await response.Content.ReadAsByteArrayAsync();
            Assert.Fail($"A whole body of {body.Length} bytes arrived.");
        });
        Assert.Equal("{\"ok\":true}", await client.Client.GetStringAsync(Path("/ok")));
    }

    [Theory]
    [MemberData(nameof(TestTransports.Data), MemberType = typeof(TestTransports))]
    public async Task Not_acceptable_is_decided_before_the_handler_runs_when_the_result_type_is_always_serialized(TestTransport transport)
    {
        var counter = new Counter();
        await using var client = await StartAsync(transport, app => app
            .MapGet("/typed", () => { counter.Count++; return new { a = 1 }; })
            .MapGet("/maybe-text", object () => { counter.Count += 100; return "text"; }));

        using var typed = await SendAsync(client, "/typed", "text/html");
        using var maybeText = await SendAsync(client, "/maybe-text", "text/html");

        Assert.Equal(HttpStatusCode.NotAcceptable, typed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, maybeText.StatusCode);
        Assert.Equal(100, counter.Count);
    }

    [Theory]
    [MemberData(nameof(TestTransports.Data), MemberType = typeof(TestTransports))]
    public async Task A_406_never_carries_headers_the_handler_set(TestTransport transport)
    {
        await using var client = await StartAsync(transport, app => app
            .MapGet("/created", () => Response.Serialized(new { id = 7 }, 201).WithHeader("Location", "/items/7").WithHeader("Set-Cookie", "s=1"))
            .MapGet("/sequence", () => Response.Serialized(Letters()).WithHeader("Location", "/letters").WithCookie("s", "1")));

        foreach (var path in new[] { "/created", "/sequence" })
        {
            using var response = await SendAsync(client, path, "text/html");

            Assert.Equal(HttpStatusCode.NotAcceptable, response.StatusCode);
            Assert.Null(response.Headers.Location);
            Assert.False(response.Headers.Contains("Set-Cookie"));
            Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        }

        static async IAsyncEnumerable<string> Letters()
        {
            await Task.Yield();
            yield return "a";
        }
    }

    [Theory]
    [MemberData(nameof(TestTransports.Data), MemberType = typeof(TestTransports))]
    public async Task Responses_http_forbids_are_refused_as_a_500_instead_of_hanging_or_an_empty_reply(TestTransport transport)
    {
        await using var client = await StartAsync(transport, app => app
            .MapGet("/continue", () => Response.Status(100))
            .MapGet("/no-content-with-content", () => Response.Text("body", 204))
            .MapGet("/not-modified-with-content", () => new Response(new { a = 1 }) { StatusCode = 304 })
            .MapGet("/no-content", () => Response.Status(205)));

        foreach (var path in new[] { "/continue", "/no-content-with-content", "/not-modified-with-content" })
        {
            using var response = await client.Client.GetAsync(Path(path));
            Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        }

        using var reset = await client.Client.GetAsync(Path("/no-content"));
        Assert.Equal(HttpStatusCode.ResetContent, reset.StatusCode);
    }

    /// <summary>The header as sent (<c>ContentLength</c> would be computed from a buffered body when absent).</summary>
    private static string? ContentLengthHeader(HttpResponseMessage response) =>
        response.Content.Headers.NonValidated.TryGetValues("Content-Length", out var values) ? values.ToString() : null;

    private static async Task<HttpResponseMessage> SendAsync(PulyaTestClient client, string path, string accept)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Path(path));
        request.Headers.TryAddWithoutValidation("Accept", accept);
        return await client.Client.SendAsync(request);
    }

    public sealed record Payload(int Size);

    public sealed class Counter
    {
        public int Count { get; set; }
    }

    /// <summary>Serializes as <c>{"value":"v...v"}</c> (<paramref name="length"/> + 12 bytes), counting each serialization.</summary>
    public sealed class Counted(Counter counter, int length)
    {
        public string Value
        {
            get
            {
                counter.Count++;
                return new string('v', length);
            }
        }
    }

    /// <summary>Writes a large property, then fails on a NaN.</summary>
    public sealed class LateFailure(string first)
    {
        public string First => first;

        public double Second => double.NaN;
    }

    /// <summary>A format whose writer asks for a zero size hint for every byte, as some serializers do.</summary>
    private sealed class ZeroHintSerializer : IPulyaSerializer
    {
        public const string Name = "ZeroHint";

        public string ContentType => "application/x-zero-hint";

        public IReadOnlyList<string> MediaTypes { get; } = ["application/x-zero-hint"];

        public void Prepare(Type type)
        {
        }

        public void Serialize(IBufferWriter<byte> output, object? value, Type type)
        {
            var size = ((Payload)value!).Size;
            for (var i = 0; i < size; i++)
            {
                if (i % 2 == 0)
                {
                    output.GetSpan(0)[0] = (byte)'z';
                }
                else
                {
                    output.GetMemory(0).Span[0] = (byte)'z';
                }

                output.Advance(1);
            }
        }

        public object? Deserialize(ReadOnlySequence<byte> body, Type type) => new Payload(Encoding.UTF8.GetString(body).Length);
    }
}
