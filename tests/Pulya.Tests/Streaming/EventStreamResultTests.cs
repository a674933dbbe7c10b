using System.Net;
using Pulya.Http;
using Pulya.Testing;
using static Pulya.Tests.Streaming.StreamResultTests;
using static Pulya.Tests.TestApp;

namespace Pulya.Tests.Streaming;

public sealed class EventStreamResultTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Theory]
    [MemberData(nameof(TestTransports.Data), MemberType = typeof(TestTransports))]
    public async Task Events_are_written_in_the_event_stream_format(TestTransport transport)
    {
        await using var server = await StreamingApp.StartAsync(transport, app => app.MapGet("/events", () => Response.EventStream(async (writer, ct) =>
        {
            await writer.WriteAsync("hello");
            await writer.WriteAsync("line one\r\nline two", eventName: "update", id: "7");
            await writer.WriteCommentAsync("keep-alive");
            await writer.WriteAsync("ünïcödé");
        })));

        using var response = await server.Client.GetAsync(Path("/events"));

        Assert.Equal("text/event-stream", response.Content.Headers.ContentType!.ToString());
        Assert.True(response.Headers.CacheControl!.NoCache);
        Assert.Equal(
            "data: hello\n\nevent: update\nid: 7\ndata: line one\ndata: line two\n\n: keep-alive\n\ndata: ünïcödé\n\n",
            await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [MemberData(nameof(TestTransports.Data), MemberType = typeof(TestTransports))]
    public async Task Each_event_is_flushed_when_written(TestTransport transport)
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await StreamingApp.StartAsync(transport, app => app.MapGet("/events", () => Response.EventStream(async (writer, ct) =>
        {
            await writer.WriteAsync("one");
            await release.Task.WaitAsync(ct);
            await writer.WriteAsync("two");
        })));

        using var response = await server.Client.GetAsync(Path("/events"), HttpCompletionOption.ResponseHeadersRead);
        var body = await response.Content.ReadAsStreamAsync();

        Assert.Equal("data: one\n\n", await ReadAtLeastAsync(body, 11));
        release.SetResult();
        Assert.Equal("data: two\n\n", await new StreamReader(body).ReadToEndAsync());
    }

    [Theory]
    [MemberData(nameof(TestTransports.Data), MemberType = typeof(TestTransports))]
    public async Task A_producer_failing_before_its_first_event_is_a_clean_500_and_after_it_aborts(TestTransport transport)
    {
        await using var server = await StreamingApp.StartAsync(transport, app => app
            .MapGet("/early", () => Response.EventStream((writer, ct) => writer.WriteAsync("x", eventName: "two\nlines").AsTask()))
            .MapGet("/comment", () => Response.EventStream((writer, ct) => writer.WriteCommentAsync("a\rb").AsTask()))
            .MapGet("/late", () => Response.EventStream(async (writer, ct) =>
            {
                await writer.WriteAsync("x", id: "1");
                throw new InvalidOperationException("boom");
            })));

        foreach (var path in new[] { "/early", "/comment" })
        {
            using var early = await server.Client.GetAsync(Path(path));
            Assert.Equal(HttpStatusCode.InternalServerError, early.StatusCode);
            Assert.Equal("{\"error\":\"Internal server error.\"}", await early.Content.ReadAsStringAsync());
        }

        await AssertAbortedAsync(server.Client, "/late");
    }

    [Theory]
    [MemberData(nameof(TestTransports.Data), MemberType = typeof(TestTransports))]
    public async Task A_head_request_does_not_run_the_producer(TestTransport transport)
    {
        var ran = false;
        await using var client = await StreamingApp.StartAsync(transport, app => app.MapGet("/events", () => Response.EventStream((writer, ct) =>
        {
            ran = true;
            return Task.CompletedTask;
        })));

        using var response = await client.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, Path("/events")));

        Assert.Equal("text/event-stream", response.Content.Headers.ContentType!.ToString());
        Assert.False(ran);
    }

    [Fact]
    public async Task A_client_that_disconnects_cancels_the_producer_on_kestrel()
    {
        var cancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await StreamingApp.StartAsync(TestTransport.Kestrel, app => app.MapGet("/events", () => Response.EventStream(async (writer, ct) =>
        {
            await writer.WriteAsync("first");
            using var registration = ct.Register(() => cancelled.TrySetResult());
            await Task.Delay(System.Threading.Timeout.Infinite, ct);
        })));

        await DisconnectAfterFirstBytesAsync(server, "/events");

        await cancelled.Task.WaitAsync(Timeout);
    }
}
