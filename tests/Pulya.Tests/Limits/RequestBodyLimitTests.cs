using System.Diagnostics.Tracing;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Pulya.Hosting;
using Pulya.Http;
using Pulya.Testing;
using Pulya.Tests.Shared.Http;
using static Pulya.Tests.TestApp;

namespace Pulya.Tests.Limits;

/// <summary>
/// The request body limit: the stricter of <c>Pulya:MaxRequestBodySize</c> and <c>Kestrel:Limits:MaxRequestBodySize</c>,
/// for bound bodies and raw reads alike; values past what an array holds do not overflow; the body buffer follows the
/// bytes that arrive, not the declared length.
/// </summary>
[Collection(SerialCollection.Name)]
public sealed class RequestBodyLimitTests
{
    [Fact]
    public async Task A_stricter_kestrel_limit_applies_to_bound_bodies()
    {
        await using var client = await StartAsync(TestTransport.Kestrel, EchoLength, args: "--Kestrel:Limits:MaxRequestBodySize=100");

        using var small = await PostAsync(client, new string('x', 50));
        var declared = await OverLimitStatusAsync(client, "/echo", new string('x', 200), chunked: false);
        var chunked = await OverLimitStatusAsync(client, "/echo", new string('x', 200), chunked: true);

        Assert.Equal("50", await small.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, declared);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, chunked);
    }

    [Theory]
    [MemberData(nameof(TestTransports.Data), MemberType = typeof(TestTransports))]
    public async Task A_stricter_pulya_limit_applies_over_a_larger_kestrel_limit(TestTransport transport)
    {
        await using var client = await StartAsync(transport, EchoLength, null, "--Kestrel:Limits:MaxRequestBodySize=100000", "--Pulya:MaxRequestBodySize=100");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, await OverLimitStatusAsync(client, "/echo", new string('x', 200), chunked: false));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, await OverLimitStatusAsync(client, "/echo", new string('x', 200), chunked: true));
    }

    [Theory]
    [InlineData(new string[0], 1024 * 1024)]
    [InlineData(new[] { "--Pulya:MaxRequestBodySize=50000000" }, 50_000_000)]
    [InlineData(new[] { "--Kestrel:Limits:MaxRequestBodySize=1000" }, 1000)]
    [InlineData(new[] { "--Kestrel:Limits:MaxRequestBodySize=5000000" }, 1024 * 1024)]
    [InlineData(new[] { "--Kestrel:Limits:MaxRequestBodySize=", "--Pulya:MaxRequestBodySize=2000" }, 2000)]
    public async Task Kestrels_limit_is_the_stricter_of_both_and_kestrels_default_does_not_cap_pulyas(string[] args, long expected)
    {
        await using var client = await StartAsync(TestTransport.Kestrel, EchoLength, args: args);

        Assert.Equal(expected, KestrelLimits(client).MaxRequestBodySize);
    }

    [Fact]
    public async Task A_stricter_kestrel_limit_set_in_code_applies_too()
    {
        await using var client = await StartAsync(
            TestTransport.Kestrel,
            EchoLength,
            builder => builder.Services.Configure<KestrelServerOptions>(o => o.Limits.MaxRequestBodySize = 100));

        Assert.Equal(100, KestrelLimits(client).MaxRequestBodySize);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, await OverLimitStatusAsync(client, "/echo", new string('x', 200), chunked: false));
    }

    [Fact]
    public async Task A_handler_reading_the_raw_body_is_held_to_the_limit()
    {
        await using var client = await StartAsync(
            TestTransport.Kestrel,
            app => app.MapPost("/raw", async (PulyaRequest request) =>
            {
                var body = request.Features.GetRequiredFeature<IHttpRequestFeature>().Body;
                var buffer = new byte[64 * 1024];
                long total = 0;
                int read;
                while ((read = await body.ReadAsync(buffer)) > 0)
                {
                    total += read;
                }

                return total;
            }),
            args: "--Pulya:MaxRequestBodySize=1000");

        using var small = await client.Client.PostAsync(Path("/raw"), new ByteArrayContent(new byte[500]));
        var large = await OverLimitStatusAsync(client, "/raw", new string('x', 5000), chunked: false);
        var largeChunked = await OverLimitStatusAsync(client, "/raw", new string('x', 5000), chunked: true);

        Assert.Equal("500", await small.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, large);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, largeChunked);
    }

    [Fact]
    public async Task A_stricter_kestrel_limit_holds_a_body_stream_parameter_too()
    {
        await using var client = await StartAsync(
            TestTransport.Kestrel,
            app => app.MapPost("/raw", async (Stream body) =>
            {
                using var copy = new MemoryStream();
                await body.CopyToAsync(copy);
                return copy.Length;
            }),
            args: "--Kestrel:Limits:MaxRequestBodySize=100");

        using var small = await client.Client.PostAsync(Path("/raw"), new ByteArrayContent(new byte[60]));

        Assert.Equal("60", await small.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, await OverLimitStatusAsync(client, "/raw", new string('x', 200), chunked: false));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, await OverLimitStatusAsync(client, "/raw", new string('x', 200), chunked: true));
    }

    [Fact]
    public async Task A_limit_above_int_max_value_does_not_overflow()
    {
        await using var client = await StartAsync(TestTransport.Kestrel, EchoLength, args: "--Pulya:MaxRequestBodySize=4000000000");

        using var small = await PostAsync(client, "abc");
        var huge = (await RawHttpClient.SendAsync(
            client.BaseAddress!.Port,
            "POST /echo HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 3000000000\r\n\r\n\"x")).Text;

        Assert.Equal("3", await small.Content.ReadAsStringAsync());
        Assert.StartsWith("HTTP/1.1 413", huge, StringComparison.Ordinal);
        Assert.Contains("Connection: close", huge, StringComparison.OrdinalIgnoreCase);
        Assert.EndsWith("{\"error\":\"Request body too large.\"}", huge, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_body_buffer_follows_the_bytes_received_not_the_declared_length()
    {
        await using var client = await StartAsync(TestTransport.Kestrel, EchoLength);
        Assert.Equal("2", await (await PostAsync(client, "ok")).Content.ReadAsStringAsync()); // warm up
        using var rentals = new ArrayPoolRentals();

        // Declares 1 MiB, sends one byte and waits: the server rents its first body buffer and waits for more.
        using var connection = await RawHttpConnection.ConnectAsync(client.BaseAddress!.Port);
        await connection.SendAsync("POST /echo HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 1048576\r\n\r\n\"");
        var first = await rentals.FirstAtLeastAsync(4096);

        Assert.InRange(first, 4096, 8192);
        Assert.DoesNotContain(rentals.Sizes, size => size >= 64 * 1024);
    }

    private static KestrelServerLimits KestrelLimits(PulyaTestClient client) =>
        client.Application.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value.Limits;

    private static void EchoLength(PulyaApplication app) => app.MapPost("/echo", ([Body] string body) => body.Length);

    /// <summary>
    /// The status of a POST of <c>"text"</c> expected to be refused. On Kestrel it is written whole over a raw socket
    /// before the answer is read: the server closes the connection after a 413, and a client still sending would see
    /// a reset instead of the answer.
    /// </summary>
    private static async Task<HttpStatusCode> OverLimitStatusAsync(PulyaTestClient client, string path, string text, bool chunked)
    {
        var json = "\"" + text + "\"";
        if (client.Transport == TestTransport.TestServer)
        {
            using var response = await client.Client.PostAsync(Path(path), chunked ? new ChunkedContent(json, "application/json") : new StringContent(json, Encoding.UTF8, "application/json"));
            return response.StatusCode;
        }

        var framing = chunked
            ? $"Transfer-Encoding: chunked\r\n\r\n{json.Length:x}\r\n{json}\r\n0\r\n\r\n"
            : $"Content-Length: {json.Length}\r\n\r\n{json}";
        var answer = await RawHttpClient.SendAsync(client.BaseAddress!.Port, $"POST {path} HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n{framing}");
        return (HttpStatusCode)answer.Status;
    }

    private static Task<HttpResponseMessage> PostAsync(PulyaTestClient client, string text) =>
        client.Client.PostAsync(Path("/echo"), new StringContent("\"" + text + "\"", Encoding.UTF8, "application/json"));

    /// <summary>The sizes of the buffers rented from <c>ArrayPool&lt;byte&gt;.Shared</c> while it listens.</summary>
    private sealed class ArrayPoolRentals : EventListener
    {
        private readonly List<int> _sizes = [];
        private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public IReadOnlyList<int> Sizes
        {
            get
            {
                lock (_sizes)
                {
                    return [.. _sizes];
                }
            }
        }

        public async Task<int> FirstAtLeastAsync(int size)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            while (true)
            {
                var changed = Volatile.Read(ref _changed);
                if (Sizes.FirstOrDefault(s => s >= size) is > 0 and var found)
                {
                    return found;
                }

                await changed.Task.WaitAsync(timeout.Token);
            }
        }

        protected override void OnEventSourceCreated(EventSource eventSource)
        {
            if (eventSource.Name == "System.Buffers.ArrayPoolEventSource")
            {
                EnableEvents(eventSource, EventLevel.Verbose);
            }
        }

        protected override void OnEventWritten(EventWrittenEventArgs eventData)
        {
            var index = eventData.PayloadNames?.IndexOf("bufferSize") ?? -1;
            if (eventData.EventName == "BufferRented" && index >= 0 && eventData.Payload![index] is int size)
            {
                lock (_sizes)
                {
                    _sizes.Add(size);
                }

                Interlocked.Exchange(ref _changed, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
            }
        }
    }
}
