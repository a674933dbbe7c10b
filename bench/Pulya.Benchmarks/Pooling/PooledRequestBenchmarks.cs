using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using Pulya.Benchmarks.Pipeline;
using Pulya.Hosting;
using Pulya.Pipeline;
using Pulya.Testing;

namespace Pulya.Benchmarks.Pooling;

/// <summary>
/// The three request kinds of the pooling issue, driven straight into the pipeline of the sample application
/// (<see cref="DirectRequest"/>, no server cost): <c>GET /</c> (small JSON), <c>GET /some/{id}/and/{another}/0/other</c>
/// (JSON with route parameters) and <c>POST /echo</c> (JSON body echoed), with pooling <c>None</c> (baseline) and
/// <c>ObjectPool</c>. Bytes allocated per request and Gen0 collections come from the memory diagnoser.
/// </summary>
[BenchmarkCategory("Pooling")]
public class PooledRequestBenchmarks
{
    /// <summary>The echo body of the sample's load test: ten items of seven short strings.</summary>
    public static readonly string EchoJson = "{\"items\":[" + string.Join(',', Enumerable.Range(0, 10).Select(i =>
        $"{{\"a\":\"a{i}\",\"b\":\"b{i}\",\"c\":\"c{i}\",\"d\":\"d{i}\",\"e\":\"e{i}\",\"f\":\"f{i}\",\"g\":\"g{i}\"}}")) + "]}";

    private PulyaTestClient _host = null!;
    private PulyaHttpApplication _application = null!;
    private DirectRequest _simple = null!;
    private DirectRequest _route = null!;
    private DirectRequest _echo = null!;

    [Params("None", "ObjectPool")]
    public string Pooling { get; set; } = "None";

    [GlobalSetup]
    public void Setup()
    {
        (_host, _application) = StartAsync(Pooling).GetAwaiter().GetResult();
        _simple = new DirectRequest("GET", "/");
        _route = new DirectRequest("GET", "/some/abc/and/def/0/other");
        _echo = new DirectRequest("POST", "/echo", body: EchoJson);
    }

    [GlobalCleanup]
    public void Cleanup() => _host.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark]
    public void SimpleJson() => _simple.Run(_application);

    [Benchmark]
    public void RouteParameter() => _route.Run(_application);

    [Benchmark]
    public void EchoBody() => _echo.Run(_application);

    /// <summary>Starts the sample application with <paramref name="pooling"/> and returns its pipeline.</summary>
    internal static async Task<(PulyaTestClient Host, PulyaHttpApplication Application)> StartAsync(string pooling)
    {
        var host = await SampleHost.StartAsync($"--Pulya:Pooling:Enabled={pooling == "ObjectPool"}");
        var application = host.Application.Services.GetRequiredService<PulyaServer>().Application!;
        return (host, application);
    }
}
