using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Pulya.Tests;

/// <summary>A logger provider that keeps every entry, to assert what the server logged.</summary>
internal sealed class CapturedLogs : ILoggerProvider
{
    public ConcurrentQueue<(string Category, LogLevel Level, string Message, Exception? Exception)> Entries { get; } = new();

    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    /// <summary>Waits (event-driven, no polling) until an entry satisfies <paramref name="predicate"/>.</summary>
    public async Task WaitForAsync(Func<(string Category, LogLevel Level, string Message, Exception? Exception), bool> predicate)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            var changed = Volatile.Read(ref _changed);
            if (Entries.Any(predicate))
            {
                return;
            }

            await changed.Task.WaitAsync(timeout.Token);
        }
    }

    private void Add((string, LogLevel, string, Exception?) entry)
    {
        Entries.Enqueue(entry);
        Interlocked.Exchange(ref _changed, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
    }

    public void Dispose()
    {
    }

    private sealed class Logger(CapturedLogs owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner.Add((category, logLevel, formatter(state, exception), exception));
    }
}
