using System.Collections.Concurrent;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Pulya.AspNetCore;
using Pulya.Benchmarks.Pooling;
using Pulya.Binding;
using Pulya.Hosting;
using Pulya.Pipeline;
using Pulya.Sample;
using Pulya.Testing;

namespace Pulya.Benchmarks.Pipeline;

/// <summary>
/// The two endpoint binders side by side per request: the sample application (whose <c>Map</c> calls the source
/// generator intercepts) bound by the expression-tree compiler (<c>Compiled</c>, the baseline of each category) and by
/// the generated code (<c>Generated</c>), each request driven straight into the pipeline (<see cref="DirectRequest"/>,
/// no server cost). One category per handler shape: route value + scoped service + request, a header, a JSON body, an
/// <c>int</c> route value behind the group's JWT authorization (through the ASP.NET Core bridge). The setup fails when a benchmarked route of the Generated
/// application was bound by the compiler (a fallback would make the comparison meaningless) or when the Compiled
/// application used a generated binding, and every request checks its status.
/// </summary>
[BenchmarkCategory("Pipeline", "Binder")]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
public class BinderBenchmarks
{
    /// <summary>A JWT the sample's <c>/api</c> group accepts, minted with the sample's development key at set-up.</summary>
    private static string _token = "";

    private static readonly (string Name, string Template, Func<DirectRequest> Request)[] Shapes =
    [
        ("Wiring", "/wiring/{name}", () => new DirectRequest("GET", "/wiring/pulya")),
        ("Header", "/headers/", () => new DirectRequest("GET", "/headers/", headers: [new("X-Example", "value")])),
        ("Body", "/echo", () => new DirectRequest("POST", "/echo", body: """{"items":[{"a":"a","b":"b","c":"c","d":"d","e":"e","f":"f","g":"g"}]}""")),
        ("GroupInt", "/api/users/{id:int}", () => new DirectRequest("GET", "/api/users/5", headers: [new("Authorization", "Bearer " + _token)])),
    ];

    private readonly List<PulyaTestClient> _hosts = [];
    private readonly Dictionary<string, (PulyaHttpApplication Application, DirectRequest Request)> _runs = [];

    [GlobalSetup]
    public void Setup()
    {
        Start("Compiled");
        Start("Generated");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        foreach (var host in _hosts)
        {
            host.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    [Benchmark(Baseline = true), BenchmarkCategory("Wiring")]
    public int Wiring_Compiled() => Run("Compiled Wiring");

    [Benchmark, BenchmarkCategory("Wiring")]
    public int Wiring_Generated() => Run("Generated Wiring");

    [Benchmark(Baseline = true), BenchmarkCategory("Header")]
    public int Header_Compiled() => Run("Compiled Header");

    [Benchmark, BenchmarkCategory("Header")]
    public int Header_Generated() => Run("Generated Header");

    [Benchmark(Baseline = true), BenchmarkCategory("Body")]
    public int Body_Compiled() => Run("Compiled Body");

    [Benchmark, BenchmarkCategory("Body")]
    public int Body_Generated() => Run("Generated Body");

    [Benchmark(Baseline = true), BenchmarkCategory("GroupInt")]
    public int GroupInt_Compiled() => Run("Compiled GroupInt");

    [Benchmark, BenchmarkCategory("GroupInt")]
    public int GroupInt_Generated() => Run("Generated GroupInt");

    private int Run(string name)
    {
        var (application, request) = _runs[name];
        request.Run(application);
        return request.StatusCode;
    }

    private void Start(string binder)
    {
        var compiled = new ConcurrentQueue<string>();
        var builder = PulyaApplication.CreateBuilder(["--Pulya:Router=Trie", "--Pulya:Binder=" + binder]).UseTestServer();
        _token = SampleApp.MintToken(builder.Configuration, "bench", TimeSpan.FromDays(1));
        builder.Logging.ClearProviders();
        SampleApp.ConfigureServices(builder);
        var original = builder.Services.Last(d => d.ServiceType == typeof(IEndpointBinder) && Equals(d.ServiceKey, "Compiled"));
        builder.Services.Remove(original);
        builder.Services.AddKeyedSingleton<IEndpointBinder>("Compiled", (services, _) =>
            new RecordingBinder((IEndpointBinder)ActivatorUtilities.CreateInstance(services, original.KeyedImplementationType!), compiled));
        var app = builder.Build();
        SampleApp.UseAspNetCore(app);
        SampleApp.MapRoutes(app.MapGroup("/").SkipAspNetCore());
        SampleApp.MapApi(app);
        var host = PulyaTestClient.StartAsync(app).GetAwaiter().GetResult();
        _hosts.Add(host);
        var application = host.Application.Services.GetRequiredService<PulyaServer>().Application!;
        foreach (var (name, template, create) in Shapes)
        {
            var byCompiler = compiled.Contains(template);
            SetupCheck.That(byCompiler == (binder == "Compiled"), $"{binder}: {template} was {(byCompiler ? "" : "not ")}bound by the expression-tree compiler.");
            var request = create();
            request.Run(application);
            _runs[$"{binder} {name}"] = (application, request);
        }
    }

    private sealed class RecordingBinder(IEndpointBinder inner, ConcurrentQueue<string> compiled) : IEndpointBinder
    {
        public EndpointBinding Bind(EndpointDefinition endpoint)
        {
            compiled.Enqueue(endpoint.Template.Text);
            return inner.Bind(endpoint);
        }
    }
}
