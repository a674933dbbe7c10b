using System.Net;
using System.Runtime.CompilerServices;
using System.Text;
using Pulya.Http;
using Pulya.Testing;
using static Pulya.Tests.TestApp;

namespace Pulya.Tests.Streaming;

public sealed class StreamResultTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Theory]
    [MemberData(nameof(TestTransports.Data), MemberType = typeof(TestTransports))]
    public async Task A_seekable_stream_is_sent_with_its_length_and_disposed(TestTransport transport)
    {
        var content = new TrackingStream(Encoding.UTF8.GetBytes("hello stream"));
        await using var server = await StreamingApp.StartAsync(transport, app => app
            .MapGet("/stream", () => content)
            .MapGet("/typed", () => new Response(new MemoryStream("{}"u8.ToArray()), 201) { ContentType = "application/json" }.WithHeader("X-Kind", "typed")));

        using var response = await server.Client.GetAsync(Path("/stream"));
        using var typed = await server.Client.GetAsync(Path("/typed"));

        Assert.Equal("hello stream", await response.Content.ReadAsStringAsync());
        Assert.Equal("application/octet-stream", response.Content.Headers.ContentType!.ToString());
        Assert.Equal(12, response.Content.Headers.ContentLength);
        Assert.True(content.Disposed);
        Assert.Equal(HttpStatusCode.Created, typed.StatusCode);
        Assert.Equal("application/json", typed.Content.Headers.ContentType!.ToString());
        Assert.Equal("typed", typed.Headers.GetValues("X-Kind").Single());
        Assert.Equal("{}", await typed.Content.ReadAsStringAsync());
    }

    [Theory]
    [MemberData(nameof(TestTransports.Data), MemberType = typeof(TestTransports))]
    public async Task A_stream_of_unknown_length_is_sent_as_it_is_produced(TestTransport transport)
    {
        var second = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await StreamingApp.StartAsync(transport, app => app
            .MapGet("/live", () => new ProducerStream(async ct =>
            {
                await Task.CompletedTask;
                return "first;"u8.ToArray();
            }, async ct =>
            {
                await second.Task.WaitAsync(ct);
                return "second"u8.ToArray();
            })));

        using var response = await server.Client.GetAsync(Path("/live"), HttpCompletionOption.ResponseHeadersRead);
        var body = await response.Content.ReadAsStreamAsync();
        Assert.Null(response.Content.Headers.ContentLength);
        Assert.Equal("first;", await ReadAtLeastAsync(body, 6));
        second.SetResult();
        Assert.Equal("second", await new StreamReader(body).ReadToEndAsync());
    }

    [Theory]
    [MemberData(nameof(TestTransports.Data), MemberType = typeof(TestTransports))]
    public async Task A_stream_failing_before_its_first_byte_is_a_clean_500_and_after_it_aborts(TestTransport transport)
    {
        await using var server = await StreamingApp.StartAsync(transport, app => app
            .MapGet("/early", () => new Response(new ProducerStream(_ => throw new InvalidOperationException("boom"))).WithHeader("X-Handler", "set"))
            .MapGet("/late", () => new ProducerStream(_ => Task.FromResult("partial"u8.ToArray()), _ => throw new InvalidOperationException("boom"))));

        using var early = await server.Client.GetAsync(Path("/early"));
        Assert.Equal(HttpStatusCode.InternalServerError, early.StatusCode);
        Assert.False(early.Headers.Contains("X-Handler"));
        Assert.Equal("{\"error\":\"Internal server error.\"}", await early.Content.ReadAsStringAsync());
        await AssertAbortedAsync(server.Client, "/late");
    }

    [Theory]
    [MemberData(nameof(TestTransports.Data), MemberType = typeof(TestTransports))]
    public async Task A_head_request_gets_the_length_without_the_body(TestTransport transport)
    {
        await using var client = await StreamingApp.StartAsync(transport, app => app.MapGet("/stream", () => new MemoryStream([1, 2, 3])));

        using var response = await client.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, Path("/stream")));

        Assert.Equal(3, response.Content.Headers.ContentLength);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_client_that_disconnects_cancels_the_stream_producer_on_kestrel()
    {
        var cancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await StreamingApp.StartAsync(TestTransport.Kestrel, app => app
            .MapGet("/live", () => new ProducerStream(_ => Task.FromResult("first"u8.ToArray()), async ct =>
            {
                try
                {
                    await Task.Delay(System.Threading.Timeout.Infinite, ct);
                }
                catch (OperationCanceledException)
                {
                    cancelled.SetResult();
                    throw;
                }

                return [];
            })));

        await DisconnectAfterFirstBytesAsync(server, "/live");

        await cancelled.Task.WaitAsync(Timeout);
    }

    /// <summary>Reads the first bytes of a streamed response, then drops the connection.</summary>
    internal static async Task DisconnectAfterFirstBytesAsync(PulyaTestClient server, string path)
    {
        using var client = new HttpClient { BaseAddress = server.BaseAddress };
        using (var response = await client.GetAsync(Path(path), HttpCompletionOption.ResponseHeadersRead))
        {
            var body = await response.Content.ReadAsStreamAsync();
            await ReadAtLeastAsync(body, 1);
        }
    }

    internal static async Task<string> ReadAtLeastAsync(Stream body, int count)
    {
        var buffer = new byte[count];
        using var timeout = new CancellationTokenSource(Timeout);
        await body.ReadAtLeastAsync(buffer, count, throwOnEndOfStream: true, timeout.Token);
        return Encoding.UTF8.GetString(buffer);
    }

    /// <summary>Reading the whole response fails: the server cut the connection instead of ending the body.</summary>
    internal static async Task AssertAbortedAsync(HttpClient client, string path)
    {
        var error = await Record.ExceptionAsync(async () =>
        {
            using var response = await client.GetAsync(Path(path), HttpCompletionOption.ResponseHeadersRead);
            await response.Content.ReadAsByteArrayAsync();
        });
        Assert.True(error is HttpRequestException or IOException, $"expected an aborted response, got {error?.GetType().Name ?? "a complete one"}");
    }

    private sealed class TrackingStream(byte[] content) : MemoryStream(content)
    {
        public bool Disposed { get; private set; }

        protected override void Dispose(bool disposing)
        {
            Disposed = true;
            base.Dispose(disposing);
        }
    }
}
