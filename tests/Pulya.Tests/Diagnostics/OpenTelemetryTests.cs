using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Pulya.Diagnostics;
using Pulya.Http;
using Pulya.Testing;
using Pulya.Tests.Shared.Models;

namespace Pulya.Tests.Diagnostics;

/// <summary>
/// Pulya's telemetry as an OpenTelemetry user sees it: the SDK subscribed with <c>AddSource("Pulya")</c> and
/// <c>AddMeter("Pulya")</c>, spans and metric points taken from the in-memory exporter. Activity sources are process-wide,
/// so these tests run alone.
/// </summary>
[Collection(SerialCollection.Name)]
public abstract class OpenTelemetryTests(TestTransport transport) : IAsyncLifetime
{
    private const string TraceId = "0af7651916cd43dd8448eb211c80319c";
    private const string ParentSpanId = "b7ad6b7169203331";

    private readonly List<Activity> _spans = [];
    private readonly List<Metric> _metrics = [];
    private readonly Channel<Activity> _ended = Channel.CreateUnbounded<Activity>();
    private readonly ScopeCapture _logs = new();
    private TracerProvider _tracer = null!;
    private MeterProvider _meter = null!;
    private PulyaTestClient _client = null!;

    public async Task InitializeAsync()
    {
        _tracer = Sdk.CreateTracerProviderBuilder()
            .AddSource(PulyaActivitySource.Name)
            .AddInMemoryExporter(_spans)
            .AddProcessor(new EndSignal(_ended.Writer))
            .Build();
        _meter = Sdk.CreateMeterProviderBuilder().AddMeter(PulyaMeter.Name).AddInMemoryExporter(_metrics).Build();
        _client = await PulyaTestClient.StartAsync(
            transport,
            app => app
                .MapGet("/items/{id}", (string id) => new KeyedItem(id))
                .MapGet("/trace", (ILoggerFactory loggers) =>
                {
                    loggers.CreateLogger("Telemetry").LogInformation("In the handler.");
                    var current = Activity.Current!;
                    return new KeyedItem($"{current.TraceId}/{current.GetBaggageItem("user")}");
                })
                .MapGet("/fails", string () => throw new InvalidOperationException("handler failure"))
                .Map("PURGE", "/cache", () => "purged"),
            builder => builder.Logging.AddProvider(_logs));
    }

    public async Task DisposeAsync()
    {
        await _client.DisposeAsync();
        _tracer.Dispose();
        _meter.Dispose();
    }

    [Fact]
    public async Task A_matched_request_is_a_server_span_named_after_its_route_with_the_http_attributes()
    {
        using var response = await _client.Client.GetAsync(new Uri("/items/42", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var span = await EndedAsync();
        Assert.Same(span, Assert.Single(_spans));
        Assert.Equal(PulyaActivitySource.Name, span.Source.Name);
        Assert.Equal(ActivityKind.Server, span.Kind);
        Assert.Equal("GET /items/{id}", span.DisplayName);
        Assert.Equal(default, span.ParentSpanId);
        Assert.Equal("GET", span.GetTagItem("http.request.method"));
        Assert.Equal("/items/{id}", span.GetTagItem("http.route"));
        Assert.Equal(200, span.GetTagItem("http.response.status_code"));
        Assert.Equal("http", span.GetTagItem("url.scheme"));
        Assert.Equal("/items/42", span.GetTagItem("url.path"));
        Assert.Equal("1.1", span.GetTagItem("network.protocol.version"));
        Assert.Null(span.GetTagItem("error.type"));
        Assert.Equal(ActivityStatusCode.Unset, span.Status);
    }

    [Fact]
    public async Task A_request_with_a_traceparent_continues_that_trace_with_its_state_and_baggage()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/trace", UriKind.Relative));
        request.Headers.Add("traceparent", $"00-{TraceId}-{ParentSpanId}-01");
        request.Headers.Add("tracestate", "congo=t61rcWkgMzE");
        request.Headers.Add("baggage", "user=alice");

        using var response = await _client.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"{TraceId}/alice", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var span = await EndedAsync();
        Assert.Equal(TraceId, span.TraceId.ToHexString());
        Assert.Equal(ParentSpanId, span.ParentSpanId.ToHexString());
        Assert.True(span.HasRemoteParent);
        Assert.Equal("congo=t61rcWkgMzE", span.TraceStateString);
        Assert.Equal("alice", span.GetBaggageItem("user"));
        Assert.Equal("GET /trace", span.DisplayName);
    }

    [Fact]
    public async Task The_trace_and_span_ids_are_in_the_log_scopes_of_the_request()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/trace", UriKind.Relative));
        request.Headers.Add("traceparent", $"00-{TraceId}-{ParentSpanId}-01");

        using var response = await _client.Client.SendAsync(request);

        var span = await EndedAsync();
        var scope = Assert.Single(_logs.Scopes, entry => entry.Message == "In the handler.").Scope;
        Assert.Equal(TraceId, scope["TraceId"]);
        Assert.Equal(span.SpanId.ToHexString(), scope["SpanId"]);
        Assert.Equal(ParentSpanId, scope["ParentId"]);
    }

    [Fact]
    public async Task A_failing_handler_marks_its_span_as_an_error_with_the_exception()
    {
        using var response = await _client.Client.GetAsync(new Uri("/fails", UriKind.Relative));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var span = await EndedAsync();
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Equal(500, span.GetTagItem("http.response.status_code"));
        Assert.Equal("System.InvalidOperationException", span.GetTagItem("error.type"));
        var exception = Assert.Single(span.Events);
        Assert.Equal("exception", exception.Name);
        Assert.Contains(exception.Tags, tag => tag.Key == "exception.type" && Equals(tag.Value, "System.InvalidOperationException"));
    }

    [Theory]
    [InlineData("GET", "/nowhere", 404, "GET")]
    [InlineData("DELETE", "/items/1", 405, "DELETE")]
    [InlineData("BREW", "/nowhere", 404, "HTTP")]
    [InlineData("PURGE", "/cache", 200, "HTTP /cache")]
    public async Task Span_names_follow_the_conventions_for_unmatched_requests_and_unknown_methods(string method, string path, int status, string name)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative));
        using var response = await _client.Client.SendAsync(request);

        Assert.Equal(status, (int)response.StatusCode);
        var span = await EndedAsync();
        Assert.Equal(name, span.DisplayName);
        Assert.Equal(status, span.GetTagItem("http.response.status_code"));
        Assert.Equal(ActivityStatusCode.Unset, span.Status);
    }

    [Fact]
    public async Task Metric_points_follow_the_http_server_conventions()
    {
        using (var ok = await _client.Client.GetAsync(new Uri("/items/1", UriKind.Relative)))
        using (var failed = await _client.Client.GetAsync(new Uri("/fails", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        }

        _meter.ForceFlush();

        var duration = Assert.Single(_metrics, metric => metric.Name == "http.server.request.duration");
        Assert.Equal("s", duration.Unit);
        Assert.Equal(MetricType.Histogram, duration.MetricType);
        var points = new Dictionary<string, Dictionary<string, object?>>();
        foreach (ref readonly var point in duration.GetMetricPoints())
        {
            var tags = new Dictionary<string, object?>();
            foreach (var tag in point.Tags)
            {
                tags[tag.Key] = tag.Value;
            }

            Assert.Equal(1, point.GetHistogramCount());
            var bounds = new List<double>();
            foreach (var bucket in point.GetHistogramBuckets())
            {
                bounds.Add(bucket.ExplicitBound);
            }

            Assert.Equal([0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10, double.PositiveInfinity], bounds);
            points[(string)tags["http.route"]!] = tags;
        }

        Assert.Equal(
            ["http.request.method=GET", "http.response.status_code=200", "http.route=/items/{id}", "network.protocol.version=1.1", "url.scheme=http"],
            points["/items/{id}"].Select(tag => $"{tag.Key}={tag.Value}").Order(StringComparer.Ordinal));
        Assert.Equal("System.InvalidOperationException", points["/fails"]["error.type"]);
        Assert.Equal(500L, Convert.ToInt64(points["/fails"]["http.response.status_code"], System.Globalization.CultureInfo.InvariantCulture));

        var active = Assert.Single(_metrics, metric => metric.Name == "http.server.active_requests");
        Assert.Equal(MetricType.LongSumNonMonotonic, active.MetricType);
        foreach (ref readonly var point in active.GetMetricPoints())
        {
            Assert.Equal(0, point.GetSumLong());
        }
    }

    [Fact]
    public async Task A_request_the_sampler_drops_is_not_exported_but_still_measured()
    {
        await using var client = await PulyaTestClient.StartAsync(transport, app => app.MapGet("/items/{id}", (string id) => new KeyedItem(id)));
        var dropped = new List<Activity>();
        using var dropping = Sdk.CreateTracerProviderBuilder().AddSource(PulyaActivitySource.Name).SetSampler(new AlwaysOffSampler()).AddInMemoryExporter(dropped).Build();
        _tracer.Dispose();

        using var response = await client.Client.GetAsync(new Uri("/items/1", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(dropped);
        Assert.Empty(_spans);
        _meter.ForceFlush();
        Assert.Contains(_metrics, metric => metric.Name == "http.server.request.duration");
    }

    [Fact]
    public async Task No_activity_is_created_when_the_only_listener_declines_but_the_request_is_measured()
    {
        await using var client = await PulyaTestClient.StartAsync(transport, app => app.MapGet("/current", () => Activity.Current is null ? "none" : "some"));
        _tracer.Dispose();
        using var declining = new ActivityListener
        {
            ShouldListenTo = source => source.Name == PulyaActivitySource.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.None,
        };
        ActivitySource.AddActivityListener(declining);

        var body = await client.Client.GetStringAsync(new Uri("/current", UriKind.Relative));

        Assert.Equal("none", body);
        _meter.ForceFlush();
        Assert.Contains(_metrics, metric => metric.Name == "http.server.request.duration");
    }

    /// <summary>The next span the SDK ended (after the exporter took it).</summary>
    private async Task<Activity> EndedAsync() => await _ended.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30));

    /// <summary>Signals each ended span, so a test waits for the server to finish the request instead of polling.</summary>
    private sealed class EndSignal(ChannelWriter<Activity> ended) : BaseProcessor<Activity>
    {
        public override void OnEnd(Activity data) => ended.TryWrite(data);
    }

    /// <summary>Keeps each entry's message with the key-value pairs of its scopes (where the logging factory puts the trace ids).</summary>
    private sealed class ScopeCapture : ILoggerProvider, ISupportExternalScope
    {
        private IExternalScopeProvider? _scopes;

        public ConcurrentQueue<(string Message, Dictionary<string, object?> Scope)> Scopes { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this);

        public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

        public void Dispose()
        {
        }

        private sealed class Logger(ScopeCapture owner) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var scope = new Dictionary<string, object?>();
                owner._scopes?.ForEachScope(
                    static (value, into) =>
                    {
                        if (value is IEnumerable<KeyValuePair<string, object?>> pairs)
                        {
                            foreach (var pair in pairs)
                            {
                                into[pair.Key] = pair.Value?.ToString();
                            }
                        }
                    },
                    scope);
                owner.Scopes.Enqueue((formatter(state, exception), scope));
            }
        }
    }

    /// <summary>The suite in memory.</summary>
    public sealed class OnTestServer() : OpenTelemetryTests(TestTransport.TestServer);

    /// <summary>The suite over real Kestrel sockets.</summary>
    public sealed class OnKestrel() : OpenTelemetryTests(TestTransport.Kestrel);
}
