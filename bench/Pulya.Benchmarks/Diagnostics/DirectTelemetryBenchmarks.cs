using System.Diagnostics;
using System.Diagnostics.Metrics;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Pulya.Benchmarks.Pooling;
using Pulya.Diagnostics;
using Pulya.Hosting;
using Pulya.Pipeline;
using Pulya.Sample;
using Pulya.Testing;

namespace Pulya.Benchmarks.Diagnostics;

/// <summary>
/// What telemetry costs per request, exactly: <c>GET /users/5</c> of the sample (a route parameter and a small JSON
/// object) driven straight into the pipeline (<see cref="DirectRequest"/>, no server threads, so the memory diagnoser's
/// bytes per operation are Pulya's alone), with the instruments absent, present with nobody listening, with a
/// <see cref="MeterListener"/> on every Pulya instrument, and with an <see cref="ActivityListener"/> recording every request.
/// </summary>
[BenchmarkCategory("Diagnostics")]
public class DirectTelemetryBenchmarks
{
    private PulyaTestClient _host = null!;
    private PulyaHttpApplication _application = null!;
    private DirectRequest _user = null!;
    private MeterListener? _meters;
    private ActivityListener? _activities;
    private long _observed;

    /// <summary><c>Absent</c>, <c>Unobserved</c>, <c>Meters</c> or <c>Tracing</c>.</summary>
    [Params("Absent", "Unobserved", "Meters", "Tracing")]
    public string Telemetry { get; set; } = "Absent";

    [GlobalSetup]
    public void Setup()
    {
        var builder = PulyaApplication.CreateBuilder(["--Pulya:Router=Trie", "--Pulya:RouteCache:Enabled=false"]).UseTestServer();
        builder.Logging.ClearProviders();
        SampleApp.ConfigureServices(builder);
        if (Telemetry == "Absent")
        {
            // Registered before Build's TryAdd, a null factory result leaves the pipeline without instruments.
            builder.Services.AddSingleton<PulyaTelemetry>(_ => null!);
        }

        var app = builder.Build();
        SampleApp.MapRoutes(app);
        _host = PulyaTestClient.StartAsync(app).GetAwaiter().GetResult();
        _application = _host.Application.Services.GetRequiredService<PulyaServer>().Application!;
        if (Telemetry == "Meters")
        {
            var factory = _host.Application.Services.GetRequiredService<IMeterFactory>();
            _meters = new MeterListener
            {
                InstrumentPublished = (instrument, listener) =>
                {
                    if (instrument.Meter.Name == PulyaTelemetry.MeterName && ReferenceEquals(instrument.Meter.Scope, factory))
                    {
                        listener.EnableMeasurementEvents(instrument);
                    }
                },
            };
            _meters.SetMeasurementEventCallback<double>((_, _, _, _) => Interlocked.Increment(ref _observed));
            _meters.SetMeasurementEventCallback<long>((_, _, _, _) => Interlocked.Increment(ref _observed));
            _meters.Start();
        }
        else if (Telemetry == "Tracing")
        {
            _activities = new ActivityListener
            {
                ShouldListenTo = source => source.Name == PulyaActivitySource.Name,
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
                ActivityStopped = _ => Interlocked.Increment(ref _observed),
            };
            ActivitySource.AddActivityListener(_activities);
        }

        _user = new DirectRequest("GET", "/users/5");
        _user.Run(_application);
        SetupCheck.That(_user.ResponseText == """{"id":5,"name":"user 5"}""", $"expected the user, got {_user.ResponseText}.");
        SetupCheck.That((_observed > 0) == (Telemetry is "Meters" or "Tracing"), $"telemetry {Telemetry}: {_observed} observations after one request.");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _meters?.Dispose();
        _activities?.Dispose();
        _host.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    [Benchmark]
    public void UserById() => _user.Run(_application);
}
