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
/// pipeline (<see cref="DirectRequest"/>, no server cost) of five applications: no middleware (the baseline: the
/// pipeline as it is without the feature), one pass-through application middleware, one pass-through endpoint filter,
/// the route in a route group (no filters or middleware on it), and a group with one pass-through middleware. Every
/// request's status and each application's first response body are checked: a wrong answer throws.
/// </summary>
[BenchmarkCategory("Pipeline", "Middleware")]
public class MiddlewareBenchmarks
{
    private const string Path = "/api/items/42";
    private readonly List<PulyaTestClient> _hosts = [];
    private readonly Dictionary<string, (PulyaHttpApplication Application, DirectRequest Request)> _apps = [];

    [GlobalSetup]
    public void Setup()
    {
        static Item Handler(int id) => new(id, "item");
        Start("None", app => app.MapGet("/api/items/{id:int}", Handler));
        Start("Middleware", app => app.Use((request, next) => next(request)).MapGet("/api/items/{id:int}", Handler));
        Start("EndpointFilter", app => app.MapGet("/api/items/{id:int}", Handler).AddEndpointFilter((context, next) => next(context)));
        Start("RouteGroup", app => app.MapGroup("/api").MapGet("/items/{id:int}", Handler));
        Start("GroupMiddleware", app => app.MapGroup("/api").Use((request, next) => next(request)).MapGet("/items/{id:int}", Handler));
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        foreach (var host in _hosts)
        {
            host.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    [Benchmark(Baseline = true)]
    public int NoMiddleware() => Run("None");

    [Benchmark]
    public int PassThroughMiddleware() => Run("Middleware");

    [Benchmark]
    public int PassThroughEndpointFilter() => Run("EndpointFilter");

    [Benchmark]
    public int RouteGroup() => Run("RouteGroup");

    [Benchmark]
    public int GroupWithMiddleware() => Run("GroupMiddleware");

    private int Run(string name)
    {
        var (application, request) = _apps[name];
        request.Run(application);
        return request.StatusCode == 200 ? 200 : throw new InvalidOperationException($"{name}: status {request.StatusCode}");
    }

    private void Start(string name, Action<PulyaApplication> map)
    {
        var builder = PulyaApplication.CreateBuilder().UseTestServer();
        builder.Logging.ClearProviders();
        var app = builder.Build();
        map(app);
        var host = PulyaTestClient.StartAsync(app).GetAwaiter().GetResult();
        _hosts.Add(host);
        var application = host.Application.Services.GetRequiredService<PulyaServer>().Application!;
        var request = new DirectRequest("GET", Path);
        request.Run(application);
        if (request.StatusCode != 200 || request.ResponseText != "{\"id\":42,\"name\":\"item\"}")
        {
            throw new InvalidOperationException($"{name}: unexpected response {request.StatusCode} {request.ResponseText}");
        }

        _apps[name] = (application, request);
    }

    public sealed record Item(int Id, string Name);
}
