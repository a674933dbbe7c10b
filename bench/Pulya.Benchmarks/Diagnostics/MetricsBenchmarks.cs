using System.Diagnostics;
using System.Diagnostics.Metrics;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Pulya.Hosting;
using Pulya.Sample;
using Pulya.Benchmarks.Pipeline;
using Pulya.Diagnostics;
using Pulya.Testing;

namespace Pulya.Benchmarks.Diagnostics;

/// <summary>
/// The cost of Pulya's telemetry on the sample's <c>GET /</c> in-process: without the instruments at all (baseline),
/// with them and nobody listening (the production default: the pipeline only checks <see cref="Instrument.Enabled"/> and
/// <see cref="ActivitySource.HasListeners"/>), with a <see cref="MeterListener"/> taking every measurement (what
/// dotnet-counters or OpenTelemetry's metrics cost), and with an <see cref="ActivityListener"/> recording every request's
/// activity (what OpenTelemetry's tracing costs, before export). Each case runs in its own process, and the meter listener
/// only takes this application's meter.
/// </summary>
[BenchmarkCategory("Diagnostics")]
public class MetricsBenchmarks
{
    private PulyaTestClient _client = null!;
    private MeterListener? _listener;
    private ActivityListener? _activityListener;
    private long _measurements;

    [GlobalSetup(Target = nameof(InstrumentsAbsent))]
    public void SetupAbsent()
    {
        var builder = PulyaApplication.CreateBuilder().UseTestServer();
        builder.Logging.ClearProviders();
        SampleApp.ConfigureServices(builder);
        // Registered before Build's TryAdd, a null factory result leaves the pipeline without instruments.
        builder.Services.AddSingleton<PulyaTelemetry>(_ => null!);
        var app = builder.Build();
        SampleApp.MapRoutes(app);
        _client = PulyaTestClient.StartAsync(app).GetAwaiter().GetResult();
    }

    [GlobalSetup(Target = nameof(InstrumentsOff))]
    public void SetupOff() => _client = SampleHost.StartAsync().GetAwaiter().GetResult();

    [GlobalSetup(Target = nameof(InstrumentsOn))]
    public void SetupOn()
    {
        _client = SampleHost.StartAsync().GetAwaiter().GetResult();
        var factory = _client.Application.Services.GetRequiredService<IMeterFactory>();
        _listener = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == PulyaTelemetry.MeterName && ReferenceEquals(instrument.Meter.Scope, factory))
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        _listener.SetMeasurementEventCallback<double>((_, _, _, _) => Interlocked.Increment(ref _measurements));
        _listener.SetMeasurementEventCallback<long>((_, _, _, _) => Interlocked.Increment(ref _measurements));
        _listener.Start();
    }

    [GlobalSetup(Target = nameof(TracingOn))]
    public void SetupTracing()
    {
        _client = SampleHost.StartAsync().GetAwaiter().GetResult();
        _activityListener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == PulyaActivitySource.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _ => Interlocked.Increment(ref _measurements),
        };
        ActivitySource.AddActivityListener(_activityListener);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _listener?.Dispose();
        _activityListener?.Dispose();
        _client.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    [Benchmark(Baseline = true)]
    public Task<string> InstrumentsAbsent() => _client.Client.GetStringAsync(new Uri("/", UriKind.Relative));

    [Benchmark]
    public Task<string> InstrumentsOff() => _client.Client.GetStringAsync(new Uri("/", UriKind.Relative));

    [Benchmark]
    public Task<string> InstrumentsOn() => _client.Client.GetStringAsync(new Uri("/", UriKind.Relative));

    [Benchmark]
    public Task<string> TracingOn() => _client.Client.GetStringAsync(new Uri("/", UriKind.Relative));
}
