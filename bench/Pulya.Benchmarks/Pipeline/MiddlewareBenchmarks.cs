using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Pulya.Benchmarks.Pooling;
using Pulya.Hosting;
using Pulya.Http;
using Pulya.Pipeline;
using Pulya.Testing;

namespace Pulya.Benchmarks.Pipeline;

/// <summary>
/// What composition costs per request: <c>GET /api/items/{id:int}</c> (a small JSON object) driven straight into the
/// pipeline (<see cref="DirectRequest"/>, no server cost) with no middleware (the baseline: the pipeline as it is
/// without the feature), one pass-through application middleware, one pass-through endpoint filter, the route in a
/// route group (no filters or middleware on it), and a group with one pass-through middleware. Every request's status
/// and the first response's body are checked: a wrong answer throws.
/// </summary>
[BenchmarkCategory("Pipeline", "Middleware")]
public class MiddlewareBenchmarks
{
    private PulyaTestClient _host = null!;
    private PulyaHttpApplication _application = null!;
    private DirectRequest _request = null!;

    [Params("None", "Middleware", "EndpointFilter", "RouteGroup", "GroupMiddleware")]
    public string Composition { get; set; } = "None";

    [GlobalSetup]
    public void Setup()
    {
        var builder = PulyaApplication.CreateBuilder().UseTestServer();
        builder.Logging.ClearProviders();
        var app = builder.Build();
        Map(app, Composition);
        _host = PulyaTestClient.StartAsync(app).GetAwaiter().GetResult();
        _application = _host.Application.Services.GetRequiredService<PulyaServer>().Application!;
        _request = new DirectRequest("GET", "/api/items/42");
        _request.Run(_application);
        if (_request.StatusCode != 200 || _request.ResponseText != "{\"id\":42,\"name\":\"item\"}")
        {
            throw new InvalidOperationException($"{Composition}: unexpected response {_request.StatusCode} {_request.ResponseText}");
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _host.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark]
    public int Request()
    {
        _request.Run(_application);
        return _request.StatusCode == 200 ? 200 : throw new InvalidOperationException($"{Composition}: status {_request.StatusCode}");
    }

    private static void Map(PulyaApplication app, string composition)
    {
        static Item Handler(int id) => new(id, "item");
        switch (composition)
        {
            case "None":
                app.MapGet("/api/items/{id:int}", Handler);
                break;
            case "Middleware":
                app.Use((request, next) => next(request));
                app.MapGet("/api/items/{id:int}", Handler);
                break;
            case "EndpointFilter":
                app.MapGet("/api/items/{id:int}", Handler).AddEndpointFilter((context, next) => next(context));
                break;
            case "RouteGroup":
                app.MapGroup("/api").MapGet("/items/{id:int}", Handler);
                break;
            case "GroupMiddleware":
                app.MapGroup("/api").Use((request, next) => next(request)).MapGet("/items/{id:int}", Handler);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(composition), composition, "Unknown composition.");
        }
    }

    public sealed record Item(int Id, string Name);
}
