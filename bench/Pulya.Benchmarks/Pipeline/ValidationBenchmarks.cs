using System.ComponentModel.DataAnnotations;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Pulya.Benchmarks.Pooling;
using Pulya.Hosting;
using Pulya.Pipeline;
using Pulya.Testing;

namespace Pulya.Benchmarks.Pipeline;

/// <summary>
/// What validation costs per request, driven straight into the pipeline (<see cref="DirectRequest"/>): a route parameter
/// (<c>GET /items/42</c>) and a JSON body (<c>POST /items</c>) without rules, in an application without validation and in
/// one with <c>AddValidation()</c> (the same allocations expected: the stage is absent for endpoints without rules), and a
/// body with rules that passes them (the cost of the stage). Every response is checked: a wrong answer throws.
/// </summary>
[BenchmarkCategory("Pipeline", "Validation")]
public class ValidationBenchmarks
{
    private const string Body = """{"name":"pen","quantity":3}""";
    private readonly List<PulyaTestClient> _hosts = [];
    private readonly Dictionary<string, (PulyaHttpApplication Application, DirectRequest Request)> _apps = [];

    [GlobalSetup]
    public void Setup()
    {
        Start("RouteOff", validation: false, app => app.MapGet("/items/{id:int}", (int id) => id), new DirectRequest("GET", "/items/42"), "42");
        Start("RouteOn", validation: true, app => app.MapGet("/items/{id:int}", (int id) => id), new DirectRequest("GET", "/items/42"), "42");
        Start("BodyOff", validation: false, app => app.MapPost("/items", ([Body] PlainItem item) => item.Quantity), new DirectRequest("POST", "/items", body: Body), "3");
        Start("BodyOn", validation: true, app => app.MapPost("/items", ([Body] PlainItem item) => item.Quantity), new DirectRequest("POST", "/items", body: Body), "3");
        Start("Validated", validation: true, app => app.MapPost("/items", ([Body] CheckedItem item) => item.Quantity), new DirectRequest("POST", "/items", body: Body), "3");
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
    public int RouteValue_NoValidation() => Run("RouteOff");

    [Benchmark]
    public int RouteValue_ValidationRegistered() => Run("RouteOn");

    [Benchmark]
    public int Body_NoValidation() => Run("BodyOff");

    [Benchmark]
    public int Body_ValidationRegistered() => Run("BodyOn");

    [Benchmark]
    public int BodyWithRules_Valid() => Run("Validated");

    private int Run(string name)
    {
        var (application, request) = _apps[name];
        request.Run(application);
        return request.StatusCode == 200 ? 200 : throw new InvalidOperationException($"{name}: status {request.StatusCode}");
    }

    private void Start(string name, bool validation, Action<PulyaApplication> map, DirectRequest request, string expected)
    {
        var builder = PulyaApplication.CreateBuilder().UseTestServer();
        builder.Logging.ClearProviders();
        if (validation)
        {
            builder.Pulya.AddValidation();
        }

        var app = builder.Build();
        map(app);
        var host = PulyaTestClient.StartAsync(app).GetAwaiter().GetResult();
        _hosts.Add(host);
        var application = host.Application.Services.GetRequiredService<PulyaServer>().Application!;
        request.Run(application);
        SetupCheck.That(request.StatusCode == 200 && request.ResponseText == expected, $"{name}: unexpected response {request.StatusCode} {request.ResponseText}");
        _apps[name] = (application, request);
    }

    public sealed record PlainItem(string Name, int Quantity);

    public sealed record CheckedItem([Required, StringLength(20)] string? Name, [Range(1, 100)] int Quantity);
}
