using System.Diagnostics;
using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Pulya.Testing;

/// <summary>
/// Runs a program's entry point on its own thread and steps into the building of its host: the .NET host announces
/// <c>HostBuilding</c> (with a builder that still takes services and configuration) and <c>HostBuilt</c> on the
/// <c>Microsoft.Extensions.Hosting</c> diagnostic listener. Only events raised by this entry point's execution flow are
/// taken, so applications built by other tests at the same time are left alone.
/// </summary>
internal sealed class HostInterception : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>
{
    private const string HostingListenerName = "Microsoft.Extensions.Hosting";

    private static readonly AsyncLocal<HostInterception?> Current = new();

    private readonly Action<IHostBuilder> _configure;
    private readonly Func<IEnumerable<string>> _criticalLog;
    private readonly TaskCompletionSource<IHost> _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _completed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<IDisposable> _subscriptions = [];
    private readonly string? _missing;

    /// <param name="configure">Applied to the program's host builder before it builds.</param>
    /// <param name="criticalLog">The program's critical log entries, to explain a program that returned without starting.</param>
    /// <param name="missing">What the program may be missing (its settings), added to the error of a failed start; null when nothing is known to be missing.</param>
    public HostInterception(Action<IHostBuilder> configure, Func<IEnumerable<string>> criticalLog, string? missing = null)
    {
        _configure = configure;
        _criticalLog = criticalLog;
        _missing = missing;
    }

    /// <summary>The host, once the program started it (its <c>ApplicationStarted</c> fired).</summary>
    public Task<IHost> Started => _started.Task;

    /// <summary>Completes when the entry point returns; faults with what it threw.</summary>
    public Task Completed => _completed.Task;

    /// <summary>Starts <paramref name="entryPoint"/> with <paramref name="args"/> on a new thread.</summary>
    public void Run(MethodInfo entryPoint, string[] args)
    {
        lock (_subscriptions)
        {
            _subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(this));
        }

        var thread = new Thread(() =>
        {
            Current.Value = this;
            // The exit code a program sets (1 for invalid options) is the program's, not the test process's.
            var exitCode = Environment.ExitCode;
            try
            {
                entryPoint.Invoke(null, entryPoint.GetParameters().Length == 0 ? null : [args]);
                var log = string.Join(" ", _criticalLog());
                _started.TrySetException(new InvalidOperationException(
                    $"The entry point of {entryPoint.DeclaringType?.Assembly.GetName().Name} returned without starting a Pulya application.{(log.Length > 0 ? " It logged: " + log : "")}{(_missing is null ? "" : " " + _missing)}"));
                _completed.TrySetResult();
            }
            catch (TargetInvocationException ex) when (ex.InnerException is not null)
            {
                // A program that read a setting it did not find fails on that setting: say what is missing, not just that.
                var error = _missing is null ? ex.InnerException : new InvalidOperationException(ex.InnerException.Message + " " + _missing, ex.InnerException);
                _started.TrySetException(error);
                _completed.TrySetException(error);
            }
            finally
            {
                Environment.ExitCode = exitCode;
                Unsubscribe();
            }
        })
        {
            IsBackground = true,
            Name = "Pulya application entry point",
        };
        thread.Start();
    }

    public void OnNext(DiagnosticListener value)
    {
        if (Current.Value == this && value.Name == HostingListenerName)
        {
            lock (_subscriptions)
            {
                _subscriptions.Add(value.Subscribe(this));
            }
        }
    }

    /// <summary>Events of a listener created by the entry point's flow (the host raises them where it was built).</summary>
    public void OnNext(KeyValuePair<string, object?> value)
    {
        if (value is { Key: "HostBuilding", Value: IHostBuilder builder })
        {
            _configure(builder);
        }
        else if (value is { Key: "HostBuilt", Value: IHost host })
        {
            host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStarted.Register(() => _started.TrySetResult(host));
        }
    }

    public void OnCompleted()
    {
    }

    /// <summary>A listener that reports an error fails a start still waiting for the host.</summary>
    public void OnError(Exception error) => _started.TrySetException(error);

    private void Unsubscribe()
    {
        lock (_subscriptions)
        {
            foreach (var subscription in _subscriptions)
            {
                subscription.Dispose();
            }

            _subscriptions.Clear();
        }
    }
}
