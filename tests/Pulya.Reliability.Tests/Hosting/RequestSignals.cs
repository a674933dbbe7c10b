using System.Collections.Concurrent;

namespace Pulya.Reliability.Tests.Hosting;

/// <summary>Events a test route raises for one request (keyed by the <c>id</c> query value), so tests wait on events instead of sleeping.</summary>
public sealed class RequestSignals
{
    public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource Cancelled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource Completed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}

/// <summary>The signals of every request of a server, by id.</summary>
public sealed class SignalBoard
{
    private readonly ConcurrentDictionary<string, RequestSignals> _byId = new(StringComparer.Ordinal);

    public RequestSignals this[string id] => _byId.GetOrAdd(id, _ => new RequestSignals());
}
