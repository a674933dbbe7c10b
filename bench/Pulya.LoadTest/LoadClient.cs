namespace Pulya.LoadTest;

/// <summary>What one load run asks for: the port, the scenario, the pipelining depth (1 = plain keep-alive) and the load shape.</summary>
internal sealed record LoadRequest(int Port, Scenario Scenario, int Depth, int Connections, int Threads, TimeSpan Duration, string WorkDirectory);

/// <summary>What one load run measured. With pipelining, latency is per batch of <see cref="LoadRequest.Depth"/> requests, as wrk records it.</summary>
internal sealed record LoadResult(long Requests, double Seconds, double P50Ms, double P90Ms, double P99Ms, double MaxMs, long Non2xx, long SocketErrors)
{
    public double RequestsPerSecond => Seconds > 0 ? Requests / Seconds : 0;
}

/// <summary>A load generator: wrk (<see cref="WrkClient"/>) or the built-in socket client (<see cref="BuiltInClient"/>).</summary>
internal interface ILoadClient
{
    string Name { get; }

    Task<LoadResult> RunAsync(LoadRequest request, CancellationToken cancellationToken);
}
