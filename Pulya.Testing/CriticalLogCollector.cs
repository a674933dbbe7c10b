using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Pulya.Testing;

/// <summary>
/// Keeps the critical log entries of an application run by <see cref="PulyaApplicationFactory{TEntryPoint}"/>, so that a program
/// that gives up before starting (e.g. on invalid configuration, which it logs and turns into exit code 1) can be explained.
/// </summary>
internal sealed class CriticalLogCollector : ILoggerProvider, ILogger
{
    private readonly ConcurrentQueue<string> _entries = new();

    public IEnumerable<string> Entries => _entries;

    public ILogger CreateLogger(string categoryName) => this;

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel == LogLevel.Critical;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (IsEnabled(logLevel))
        {
            _entries.Enqueue(formatter(state, exception));
        }
    }

    public void Dispose() => _entries.Clear();
}
