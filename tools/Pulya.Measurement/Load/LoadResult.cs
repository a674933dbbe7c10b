namespace Pulya.Measurement;

/// <summary>What one load run measured. With pipelining, latency is per batch of <see cref="LoadRequest.Depth"/> requests, as wrk records it.</summary>
internal sealed record LoadResult(long Requests, double Seconds, double P50Ms, double P90Ms, double P99Ms, double MaxMs, long Non2xx, long SocketErrors)
{
    public double RequestsPerSecond => Seconds > 0 ? Requests / Seconds : 0;
}
