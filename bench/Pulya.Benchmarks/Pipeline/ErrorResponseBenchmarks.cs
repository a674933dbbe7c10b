using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using Pulya.Benchmarks.Pooling;
using Pulya.Hosting;
using Pulya.Pipeline;
using Pulya.Testing;

namespace Pulya.Benchmarks.Pipeline;

/// <summary>
/// The fixed errors of the error table driven straight into the sample's pipeline, in both shapes (<c>Pulya:Errors</c>):
/// <c>GET /nowhere</c> (404) and <c>DELETE /plaintext</c> (405 with <c>Allow</c>). Without an application problem writer
/// the Problem Details are Pulya's pre-encoded heads plus <c>instance</c>, so the bytes per operation are what the fast path costs.
/// </summary>
[BenchmarkCategory("Pipeline", "Errors")]
public class ErrorResponseBenchmarks
{
    private PulyaTestClient _host = null!;
    private PulyaHttpApplication _application = null!;
    private DirectRequest _notFound = null!;
    private DirectRequest _notAllowed = null!;

    [Params("Pulya", "ProblemDetails")]
    public string Errors { get; set; } = "Pulya";

    [GlobalSetup]
    public void Setup()
    {
        _host = SampleHost.StartAsync("--Pulya:Router=Trie", "--Pulya:RouteCache:Enabled=false", $"--Pulya:Errors={Errors}").GetAwaiter().GetResult();
        _application = _host.Application.Services.GetRequiredService<PulyaServer>().Application!;
        _notFound = Checked(new DirectRequest("GET", "/nowhere", expectedStatus: 404));
        _notAllowed = Checked(new DirectRequest("DELETE", "/plaintext", expectedStatus: 405));
    }

    [GlobalCleanup]
    public void Cleanup() => _host.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark(Baseline = true)]
    public void NotFound() => _notFound.Run(_application);

    [Benchmark]
    public void MethodNotAllowed() => _notAllowed.Run(_application);

    /// <summary>Runs the request once and fails the setup unless it answers in the configured shape.</summary>
    private DirectRequest Checked(DirectRequest request)
    {
        request.Run(_application);
        var problem = request.ResponseText.StartsWith("{\"type\":", StringComparison.Ordinal);
        SetupCheck.That(problem == (Errors == "ProblemDetails"), $"expected the {Errors} shape, got {request.ResponseText}.");
        return request;
    }
}
