using System.IO.Pipelines;
using System.Text;
using Microsoft.AspNetCore.Http.Features;
using Pulya.Pipeline;
using Pulya.Results;
using Pulya.Tests.Pipeline;

namespace Pulya.Tests.Results;

/// <summary>The staging writer against server writers that hand out less than asked, or nothing at all.</summary>
public sealed class SerializedBodyWriterTests
{
    [Fact]
    public void A_server_writer_handing_out_small_blocks_gets_every_byte_in_order()
    {
        var body = new StingyBody(7);
        var text = string.Concat(Enumerable.Range(0, 3000).Select(i => (char)('a' + (i % 26))));

        Write(body, text, limit: 1024);

        Assert.Equal(text, Encoding.ASCII.GetString(body.Written.ToArray()));
    }

    [Fact]
    public void A_server_writer_handing_out_an_empty_block_for_a_positive_hint_fails_instead_of_looping()
    {
        var body = new StingyBody(0);

        Assert.Throws<InvalidOperationException>(() => Write(body, "abc", limit: 1024));
    }

    [Fact]
    public void A_body_past_a_small_response_buffer_streams_after_a_small_body_on_the_same_thread()
    {
        // The first response leaves this thread's writer holding its staging buffer (4 KiB), larger than the next limit.
        Write(new StingyBody(4096), "{}", limit: 32 * 1024);
        var text = new string('x', 3000);
        var body = new StingyBody(4096);

        var context = Write(body, text, limit: 1024);

        Assert.True(context.BodyStarted);
        Assert.Null(context.Response.Headers.ContentLength);
        Assert.Equal(text, Encoding.ASCII.GetString(body.Written.ToArray()));
    }

    private static PulyaContext Write(StingyBody body, string text, int limit)
    {
        var context = PulyaContextTests.CreateContext();
        context.Initialize(PulyaContextTests.Features("/", string.Empty, body));
        var writer = SerializedBodyWriter.Rent(context, limit);
        try
        {
            foreach (var c in text)
            {
                writer.GetSpan(0)[0] = (byte)c;
                writer.Advance(1);
            }

            writer.Complete();
        }
        finally
        {
            SerializedBodyWriter.Return(writer);
        }

        return context;
    }

    /// <summary>A response body whose writer hands out at most <paramref name="max"/> bytes per block, whatever the hint.</summary>
    private sealed class StingyBody(int max) : IHttpResponseBodyFeature
    {
        private readonly StingyWriter _writer = new(max);

        public MemoryStream Written => _writer.Output;

        public Stream Stream => _writer.Output;

        public PipeWriter Writer => _writer;

        public Task CompleteAsync() => Task.CompletedTask;

        public void DisableBuffering()
        {
        }

        public Task SendFileAsync(string path, long offset, long? count, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task StartAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;
    }

    private sealed class StingyWriter(int max) : PipeWriter
    {
        private byte[] _block = new byte[max];

        public MemoryStream Output { get; } = new();

        public override void Advance(int bytes) => Output.Write(_block, 0, bytes);

        public override void CancelPendingFlush()
        {
        }

        public override void Complete(Exception? exception = null)
        {
        }

        public override ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult(new FlushResult(false, false));

        public override Memory<byte> GetMemory(int sizeHint = 0) => _block = new byte[max];

        public override Span<byte> GetSpan(int sizeHint = 0) => GetMemory(sizeHint).Span;
    }
}
