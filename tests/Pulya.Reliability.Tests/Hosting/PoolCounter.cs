namespace Pulya.Reliability.Tests.Hosting;

/// <summary>
/// Counts objects rented from the application's request pools and not yet returned, whichever pool provider the
/// profile selects (the baseline's <c>None</c> or the pooling module's). Tests wait for the count to return to zero.
/// </summary>
public sealed class PoolCounter
{
    private readonly Lock _gate = new();
    private readonly List<(long Count, TaskCompletionSource Waiter)> _rentWaiters = [];
    private long _outstanding;
    private TaskCompletionSource _zero = NewSignal(completed: true);

    /// <summary>Objects rented and not returned.</summary>
    public long Outstanding => Interlocked.Read(ref _outstanding);

    /// <summary>Objects rented since start.</summary>
    public long Rented { get; private set; }

    /// <summary>Completes once at least <paramref name="count"/> objects were rented since start (a request reached the pipeline).</summary>
    public async Task WaitForRentedAsync(long count, TimeSpan timeout)
    {
        TaskCompletionSource waiter;
        lock (_gate)
        {
            if (Rented >= count)
            {
                return;
            }

            waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _rentWaiters.Add((count, waiter));
        }

        await waiter.Task.WaitAsync(timeout);
    }

    internal void OnRent()
    {
        lock (_gate)
        {
            Rented++;
            _rentWaiters.RemoveAll(w => w.Count <= Rented && w.Waiter.TrySetResult());
            if (_outstanding++ == 0)
            {
                _zero = NewSignal(completed: false);
            }
        }
    }

    internal void OnReturn()
    {
        lock (_gate)
        {
            if (--_outstanding == 0)
            {
                _zero.TrySetResult();
            }
        }
    }

    /// <summary>Completes when no rented object is outstanding; fails after <paramref name="timeout"/>.</summary>
    public async Task WaitForZeroAsync(TimeSpan timeout)
    {
        Task zero;
        lock (_gate)
        {
            zero = _zero.Task;
        }

        try
        {
            await zero.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"{Outstanding} pooled object(s) still outstanding after {timeout}.");
        }
    }

    private static TaskCompletionSource NewSignal(bool completed)
    {
        var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (completed)
        {
            signal.SetResult();
        }

        return signal;
    }
}
