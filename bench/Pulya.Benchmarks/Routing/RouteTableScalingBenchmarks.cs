using BenchmarkDotNet.Attributes;
using Pulya.Routing;
using Pulya.Routing.Trie;

namespace Pulya.Benchmarks.Routing;

/// <summary>
/// Match time against the table size (10 to 10,000 generated routes <c>/r{i}/items/{id:int}/detail</c>), for a route
/// near the end of the table: Linear grows with the table, Trie should not.
/// </summary>
[BenchmarkCategory("Routing", "Scaling")]
public class RouteTableScalingBenchmarks
{
    private IRouter _linear = null!;
    private IRouter _trie = null!;
    private string _path = null!;
    private Range[] _values = null!;

    [Params(10, 100, 1_000, 10_000)]
    public int Routes { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var table = RouteSetFiles.Table(RouteSetFiles.Generated(Routes));
        _linear = new LinearRouterFactory().Create(table);
        _trie = new TrieRouterFactory().Create(table);
        _path = $"/r{Routes - 2}/items/12345/detail";
        _values = new Range[table.MaxParameterCount];
        if (_trie.Match("GET", _path, _values).Route != _linear.Match("GET", _path, _values).Route)
        {
            throw new InvalidOperationException("Linear and Trie disagree.");
        }
    }

    [Benchmark(Baseline = true)]
    public RouteMatchKind Linear() => _linear.Match("GET", _path, _values).Kind;

    [Benchmark]
    public RouteMatchKind Trie() => _trie.Match("GET", _path, _values).Kind;
}
