using System.Net;
using BenchmarkDotNet.Attributes;
using Pulya.Testing;

namespace Pulya.Benchmarks.Pipeline;

/// <summary>
/// A request through the whole pipeline in-process (ASP.NET Core's TestServer, no sockets): the sample application's
/// <c>GET /</c> (a tiny JSON object) and <c>GET /last_route</c> (behind 100 dynamic routes), over every router and
/// pooling provider the sample registers. The TestServer's own cost is included and is the same for every
/// configuration, so compare configurations within one run. Every response must be 200: the setup checks both
/// requests once, and <see cref="HttpClient.GetStringAsync(Uri)"/> throws on any other status during the run.
/// </summary>
[BenchmarkCategory("Pipeline")]
public class RequestHandlingBenchmarks
{
    private static readonly Uri Root = new("/", UriKind.Relative);
    private static readonly Uri LastRouteUri = new("/last_route", UriKind.Relative);
    private PulyaTestClient _client = null!;

    [Params("Linear", "Trie")]
    public string Router { get; set; } = "Linear";

    [Params("None", "ObjectPool")]
    public string Pooling { get; set; } = "None";

    [GlobalSetup]
    public void Setup()
    {
        _client = SampleHost.StartAsync($"--Pulya:Router={Router}", $"--Pulya:Pooling:Enabled={Pooling == "ObjectPool"}").GetAwaiter().GetResult();
        foreach (var uri in new[] { Root, LastRouteUri })
        {
            using var response = _client.Client.GetAsync(uri).GetAwaiter().GetResult();
            SetupCheck.Status((int)HttpStatusCode.OK, (int)response.StatusCode, $"GET {uri} ({Router}, pooling {Pooling})");
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _client.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark(Baseline = true)]
    public Task<string> SimpleJson() => _client.Client.GetStringAsync(Root);

    [Benchmark]
    public Task<string> LastRoute() => _client.Client.GetStringAsync(LastRouteUri);
}
