using BenchmarkDotNet.Attributes;
using Pulya.Routing;
using Pulya.Routing.Trie;

namespace Pulya.Benchmarks.Routing;

/// <summary>Start-up cost: building a router from the GitHub table (203 routes + implicit HEAD) and from 10,000 generated routes.</summary>
[BenchmarkCategory("Routing", "Build")]
public class RouterBuildBenchmarks
{
    private RouteTable _table = null!;

    [Params("github", "generated-10000")]
    public string Table { get; set; } = "github";

    [GlobalSetup]
    public void Setup() => _table = RouteSetFiles.Table(Table == "github" ? RouteSetFiles.Routes("github") : RouteSetFiles.Generated(10_000));

    [Benchmark(Baseline = true)]
    public IRouter Linear() => new LinearRouterFactory().Create(_table);

    [Benchmark]
    public IRouter Trie() => new TrieRouterFactory().Create(_table);
}
