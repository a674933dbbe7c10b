using BenchmarkDotNet.Attributes;
using Pulya.Testing;

namespace Pulya.Benchmarks.Pipeline;

/// <summary>
/// A request through the whole pipeline in-process (ASP.NET Core's TestServer, no sockets): the sample application's
/// <c>GET /</c> (a tiny JSON object) and <c>GET /last_route</c> (behind 100 dynamic routes). The TestServer's own cost is
/// included and is the same for every configuration, so compare configurations within one run.
/// </summary>
[BenchmarkCategory("Pipeline")]
public class RequestHandlingBenchmarks
{
    private PulyaTestClient _client = null!;

    [Params("Linear")]
    public string Router { get; set; } = "Linear";

    [GlobalSetup]
    public void Setup() => _client = SampleHost.StartAsync($"--Pulya:Router={Router}").GetAwaiter().GetResult();

    [GlobalCleanup]
    public void Cleanup() => _client.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark(Baseline = true)]
    public Task<string> SimpleJson() => _client.Client.GetStringAsync(new Uri("/", UriKind.Relative));

    [Benchmark]
    public Task<string> LastRoute() => _client.Client.GetStringAsync(new Uri("/last_route", UriKind.Relative));
}
