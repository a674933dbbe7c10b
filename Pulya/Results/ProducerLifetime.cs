using Pulya.Pipeline;

namespace Pulya.Results;

/// <summary>
/// The lifetime of a streamed result's producer (a <see cref="Stream"/> read, an <c>IAsyncEnumerable&lt;T&gt;</c>, server-sent
/// events): its <see cref="Token"/> fires when the request is aborted and, at once, when a flush finds the client gone.
/// Kestrel raises the abort on the thread pool and ignores writes to a closed connection rather than failing them, so a
/// producer that only awaits its writer would otherwise keep running, synchronously, until that notification comes; with
/// many such producers the notification is starved and they spin. Costs one linked cancellation source per streamed response.
/// </summary>
internal sealed class ProducerLifetime : IDisposable
{
    private readonly PulyaContext _context;
    private readonly CancellationTokenSource _stop;

    public ProducerLifetime(PulyaContext context)
    {
        _context = context;
        _stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
    }

    /// <summary>The token the producer observes.</summary>
    public CancellationToken Token => _stop.Token;

    /// <summary>Flushes the response writer; a client that is gone cancels <see cref="Token"/> and ends the producer as a cancellation.</summary>
    public async ValueTask FlushAsync()
    {
        var result = await _context.ResponseBody.Writer.FlushAsync(_stop.Token);
        if (result.IsCompleted || result.IsCanceled)
        {
            await _stop.CancelAsync();
        }

        _stop.Token.ThrowIfCancellationRequested();
    }

    public void Dispose() => _stop.Dispose();
}
