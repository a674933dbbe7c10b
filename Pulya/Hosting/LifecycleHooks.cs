using Microsoft.Extensions.Logging;

namespace Pulya.Hosting;

/// <summary>
/// The start-up and shut-down hooks. Each list runs at most once, in registration order, even when start or stop is
/// requested concurrently; callers wait on an async lock (<see cref="SemaphoreSlim.WaitAsync(CancellationToken)"/>), never blocking a thread.
/// </summary>
internal sealed partial class LifecycleHooks(ILogger<LifecycleHooks> logger) : IDisposable
{
    private readonly List<Func<CancellationToken, Task>> _startup = [];
    private readonly List<Func<CancellationToken, Task>> _shutdown = [];
    private readonly SemaphoreSlim _lock = new(1, 1);
    private bool _startupRan;
    private bool _shutdownRan;

    public void OnStartup(Func<CancellationToken, Task> hook) => Add(_startup, hook);

    public void OnShutdown(Func<CancellationToken, Task> hook) => Add(_shutdown, hook);

    public Task RunStartupAsync(CancellationToken cancellationToken) => RunOnceAsync(_startup, () => _startupRan, () => _startupRan = true, "start-up", cancellationToken);

    public Task RunShutdownAsync(CancellationToken cancellationToken) => RunOnceAsync(_shutdown, () => _shutdownRan, () => _shutdownRan = true, "shut-down", cancellationToken);

    public void Dispose() => _lock.Dispose();

    private void Add(List<Func<CancellationToken, Task>> hooks, Func<CancellationToken, Task> hook)
    {
        ArgumentNullException.ThrowIfNull(hook);
        lock (hooks)
        {
            if (_startupRan)
            {
                throw new InvalidOperationException("Hooks must be registered before the application starts.");
            }

            hooks.Add(hook);
        }
    }

    private async Task RunOnceAsync(List<Func<CancellationToken, Task>> hooks, Func<bool> ran, Action markRan, string phase, CancellationToken cancellationToken)
    {
        await _lock.WaitAsync(cancellationToken);
        try
        {
            if (ran())
            {
                return;
            }

            markRan();
            foreach (var hook in hooks)
            {
                try
                {
                    await hook(cancellationToken);
                }
                catch (Exception ex)
                {
                    LogHookFailed(logger, ex, phase);
                    throw;
                }
            }
        }
        finally
        {
            _lock.Release();
        }
    }

    [LoggerMessage(10, LogLevel.Critical, "A {Phase} hook failed.")]
    private static partial void LogHookFailed(ILogger logger, Exception exception, string phase);
}
