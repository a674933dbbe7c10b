using BenchmarkDotNet.Attributes;
using Pulya.Pipeline;
using Pulya.Testing;

namespace Pulya.Benchmarks.Pooling;

/// <summary>
/// The three request kinds of <see cref="PooledRequestBenchmarks"/> on two threads at once (the machine's two cores), so
/// the pool is shared under contention: each operation is one request; each thread runs <see cref="RequestsPerThread"/>
/// requests on its own <see cref="DirectRequest"/>.
/// </summary>
[BenchmarkCategory("Pooling")]
public class ConcurrentPooledRequestBenchmarks
{
    private const int Threads = 2;
    private const int RequestsPerThread = 2048;
    private PulyaTestClient _host = null!;
    private PulyaHttpApplication _application = null!;
    private DirectRequest[][] _requests = null!;

    [Params("None", "ObjectPool")]
    public string Pooling { get; set; } = "None";

    [GlobalSetup]
    public void Setup()
    {
        (_host, _application) = PooledRequestBenchmarks.StartAsync(Pooling).GetAwaiter().GetResult();
        _requests = [.. Enumerable.Range(0, Threads).Select(_ => new[]
        {
            new DirectRequest("GET", "/"),
            new DirectRequest("GET", "/some/abc/and/def/0/other"),
            new DirectRequest("POST", "/echo", body: PooledRequestBenchmarks.EchoJson),
        })];
    }

    [GlobalCleanup]
    public void Cleanup() => _host.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark(OperationsPerInvoke = Threads * RequestsPerThread)]
    public void SimpleJson() => Run(0);

    [Benchmark(OperationsPerInvoke = Threads * RequestsPerThread)]
    public void RouteParameter() => Run(1);

    [Benchmark(OperationsPerInvoke = Threads * RequestsPerThread)]
    public void EchoBody() => Run(2);

    private void Run(int kind) => Parallel.For(0, Threads, new ParallelOptions { MaxDegreeOfParallelism = Threads }, thread =>
    {
        var request = _requests[thread][kind];
        for (var i = 0; i < RequestsPerThread; i++)
        {
            request.Run(_application);
        }
    });
}
