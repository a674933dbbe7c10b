using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Http.Features;
using Pulya.Hosting;
using Pulya.Http;
using Pulya.Testing;
using Pulya.Tests.Shared.Http;

namespace Pulya.Tests.Streaming;

/// <summary>
/// A producer that only awaits its writer stops as soon as a write finds the client gone, even when the request-abort
/// notification is late (Kestrel raises it on the thread pool, which busy producers starve): the applications here give
/// the requests a lifetime feature whose token never fires, so only the write path can stop the producers.
/// </summary>
public sealed class AbandonedProducerTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Theory]
    [MemberData(nameof(TestTransports.Data), MemberType = typeof(TestTransports))]
    public async Task An_event_stream_producer_stops_and_sees_its_token_cancelled_when_a_write_finds_the_client_gone(TestTransport transport)
    {
        var ended = new TaskCompletionSource<(Exception Error, bool TokenCancelled)>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await StartAsync(transport, app => app.MapGet("/events", () => Response.EventStream(async (writer, ct) =>
        {
            try
            {
                while (true)
                {
                    await writer.WriteAsync("tick");
                }
            }
            catch (Exception error)
            {
                ended.TrySetResult((error, ct.IsCancellationRequested));
                throw;
            }
        })));

        await CloseAfterHeadersAsync(server, "/events");

        var (error, tokenCancelled) = await ended.Task.WaitAsync(Timeout);
        Assert.IsAssignableFrom<OperationCanceledException>(error);
        Assert.True(tokenCancelled);
    }

    [Theory]
    [MemberData(nameof(TestTransports.Data), MemberType = typeof(TestTransports))]
    public async Task An_async_sequence_is_no_longer_enumerated_once_a_write_finds_the_client_gone(TestTransport transport)
    {
        var ended = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await StartAsync(transport, app => app.MapGet("/numbers", () => Endless(ended)));

        await CloseAfterHeadersAsync(server, "/numbers");

        Assert.True(await ended.Task.WaitAsync(Timeout), "the enumeration's token was not cancelled");
    }

    [Theory]
    [MemberData(nameof(TestTransports.Data), MemberType = typeof(TestTransports))]
    public async Task A_stream_is_no_longer_read_once_a_write_finds_the_client_gone(TestTransport transport)
    {
        var disposed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await StartAsync(transport, app => app.MapGet("/stream", () => new EndlessStream(disposed)));

        await CloseAfterHeadersAsync(server, "/stream");

        await disposed.Task.WaitAsync(Timeout);
    }

    private static async IAsyncEnumerable<int> Endless(TaskCompletionSource<bool> ended, [EnumeratorCancellation] CancellationToken ct = default)
    {
        try
        {
            for (var i = 0; ; i++)
            {
                yield return i;
            }
        }
        finally
        {
            ended.TrySetResult(ct.IsCancellationRequested);
        }
    }

    private static Task<PulyaTestClient> StartAsync(TestTransport transport, Action<PulyaApplication> map) =>
        StreamingApp.StartAsync(transport, app =>
        {
            app.Use(async (request, next) =>
            {
                request.Features.Set<IHttpRequestLifetimeFeature>(new SilentLifetime());
                return await next(request);
            });
            map(app);
        });

    /// <summary>
    /// On Kestrel: connects, sends the request, reads up to the end of the response headers and closes the socket. On the
    /// test server: reads the headers and disposes the response.
    /// </summary>
    private static async Task CloseAfterHeadersAsync(PulyaTestClient server, string path)
    {
        using var timeout = new CancellationTokenSource(Timeout);
        if (server.BaseAddress is not { } address)
        {
            using var response = await server.Client.GetAsync(TestApp.Path(path), HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
            return;
        }

        using var connection = await RawHttpConnection.ConnectAsync(address.Port, Timeout);
        await connection.SendAsync($"GET {path} HTTP/1.1\r\nHost: {address.Authority}\r\n\r\n");
        var head = await connection.ReadHeadAsync();

        Assert.StartsWith("HTTP/1.1 200", head, StringComparison.Ordinal);
    }

    /// <summary>A request lifetime whose abort token never fires: the abort notification coming too late to matter.</summary>
    private sealed class SilentLifetime : IHttpRequestLifetimeFeature
    {
        public CancellationToken RequestAborted { get; set; }

        public void Abort()
        {
        }
    }

    /// <summary>A stream that never ends and ignores its token; it reports its disposal.</summary>
    private sealed class EndlessStream(TaskCompletionSource disposed) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            Array.Fill(buffer, (byte)'x', offset, count);
            return count;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            buffer.Span.Fill((byte)'x');
            return ValueTask.FromResult(buffer.Length);
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            disposed.TrySetResult();
            base.Dispose(disposing);
        }
    }
}
