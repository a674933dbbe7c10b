namespace Pulya.Measurement;

/// <summary>
/// What one load run asks for: the port, the requests sent round-robin (<paramref name="Name"/> names them in files and
/// reports), the pipelining depth (1 = plain keep-alive) and the load shape.
/// </summary>
internal sealed record LoadRequest(int Port, string Name, IReadOnlyList<HttpRequestData> Requests, int Depth, int Connections, int Threads, TimeSpan Duration, string WorkDirectory);
