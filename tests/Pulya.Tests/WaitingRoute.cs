namespace Pulya.Tests;

/// <summary>A handler that waits until its request is aborted, and the client side that aborts it once it runs.</summary>
internal sealed class WaitingRoute
{
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Func<CancellationToken, Task<string>> Handler => async token =>
    {
        _started.TrySetResult();
        await Task.Delay(Timeout.Infinite, token);
        return "never";
    };

    /// <summary>Sends GET <paramref name="path"/>, cancels it once the handler runs, and checks the client saw the cancellation.</summary>
    public async Task AbortAsync(HttpClient client, string path)
    {
        using var cts = new CancellationTokenSource();
        var request = client.GetAsync(new Uri(path, UriKind.Relative), cts.Token);
        await _started.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => request);
    }
}
