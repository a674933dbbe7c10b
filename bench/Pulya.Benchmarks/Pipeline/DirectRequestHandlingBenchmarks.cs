using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using Pulya.Benchmarks.Pooling;
using Pulya.Hosting;
using Pulya.Pipeline;
using Pulya.Testing;

namespace Pulya.Benchmarks.Pipeline;

/// <summary>
/// The three request shapes every framework benchmark has, driven straight into the pipeline of the sample under the
/// <c>optimized</c> settings (Trie router, System.Text.Json, no route cache) with pooling <c>None</c>, <c>ObjectPool</c>
/// and <c>PerConnection</c> (the fake server keeps a connection's context slot, as Kestrel does): <c>GET /plaintext</c> (a constant text), <c>GET /json</c> (a tiny object serialized per request) and
/// <c>GET /users/5</c> (an int route parameter, a small object). <see cref="DirectRequest"/> reuses the fake server's
/// objects, so the memory diagnoser's bytes per operation are what Pulya and the handler allocate, nothing of a server.
/// </summary>
[BenchmarkCategory("Pipeline")]
public class DirectRequestHandlingBenchmarks
{
    private PulyaTestClient _host = null!;
    private PulyaHttpApplication _application = null!;
    private DirectRequest _plaintext = null!;
    private DirectRequest _json = null!;
    private DirectRequest _user = null!;

    [Params("None", "ObjectPool", "PerConnection")]
    public string Pooling { get; set; } = "None";

    [GlobalSetup]
    public void Setup()
    {
        _host = SampleHost.StartAsync(
            "--Pulya:Router=Trie", "--Pulya:Serializer=SystemTextJson", "--Pulya:RouteCache:Enabled=false",
            $"--Pulya:Pooling:Enabled={Pooling == "ObjectPool"}",
            $"--Pulya:PoolProvider={(Pooling == "PerConnection" ? Pooling : "None")}").GetAwaiter().GetResult();
        _application = _host.Application.Services.GetRequiredService<PulyaServer>().Application!;
        _plaintext = Checked(new DirectRequest("GET", "/plaintext"), "Hello, World!");
        _json = Checked(new DirectRequest("GET", "/json"), """{"message":"Hello, World!"}""");
        _user = Checked(new DirectRequest("GET", "/users/5"), """{"id":5,"name":"user 5"}""");
    }

    [GlobalCleanup]
    public void Cleanup() => _host.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark(Baseline = true)]
    public void Plaintext() => _plaintext.Run(_application);

    [Benchmark]
    public void Json() => _json.Run(_application);

    [Benchmark]
    public void UserById() => _user.Run(_application);

    /// <summary>Runs the request once and fails the setup unless it answers <paramref name="body"/>.</summary>
    private DirectRequest Checked(DirectRequest request, string body)
    {
        request.Run(_application);
        SetupCheck.That(request.ResponseText == body, $"expected the body {body}, got {request.ResponseText} (pooling {Pooling}).");
        return request;
    }
}
