using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Pulya.Diagnostics;
using Pulya.Http;
using Pulya.Testing;
using Pulya.Tests.Shared.Models;

namespace Pulya.Tests.Diagnostics;

/// <summary>The <c>Pulya</c> meter's OpenTelemetry HTTP instruments, observed with a <see cref="MeterListener"/> limited to one application's meter factory.</summary>
public abstract class PulyaTelemetryTests(TestTransport transport) : IAsyncLifetime
{
    private readonly TaskCompletionSource _handlerStarted = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _releaseHandler = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ConcurrentQueue<(string Instrument, double Value, Dictionary<string, object?> Tags)> _measurements = new();
    private PulyaTestClient _client = null!;
    private MeterListener? _listener;

    public async Task InitializeAsync() =>
        _client = await PulyaTestClient.StartAsync(transport, app => app
            .MapGet("/items/{id}", (string id) => new KeyedItem(id))
            .MapGet("/slow", async () =>
            {
                _handlerStarted.SetResult();
                await _releaseHandler.Task;
                return new KeyedItem("slow");
            })
            .MapGet("/fails", string () => throw new InvalidOperationException("handler failure"))
            .MapGet("/unavailable", () => Response.Status(503))
            .MapPost("/items", () => new KeyedItem("posted")));

    public async Task DisposeAsync()
    {
        _listener?.Dispose();
        await _client.DisposeAsync();
    }

    [Fact]
    public void Nobody_listening_means_no_request_tracking()
    {
        Assert.False(_client.Application.Services.GetRequiredService<PulyaTelemetry>().Enabled);
    }

    [Fact]
    public async Task Requests_are_not_measured_when_nobody_listens()
    {
        Listen("some.other.instrument");

        using var response = await _client.Client.GetAsync(new Uri("/items/7", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(_measurements);
    }

    [Fact]
    public async Task A_matched_request_records_its_duration_with_route_template_method_and_status()
    {
        Listen();

        using var response = await _client.Client.GetAsync(new Uri("/items/42", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var duration = Assert.Single(_measurements, m => m.Instrument == "http.server.request.duration");
        Assert.InRange(duration.Value, 0, 60);
        Assert.Equal("/items/{id}", duration.Tags["http.route"]);
        Assert.Equal("GET", duration.Tags["http.request.method"]);
        Assert.Equal(200, duration.Tags["http.response.status_code"]);
        Assert.Equal("http", duration.Tags["url.scheme"]);
        Assert.Equal("1.1", duration.Tags["network.protocol.version"]);
        Assert.False(duration.Tags.ContainsKey("error.type"));
        var active = _measurements.Where(m => m.Instrument == "http.server.active_requests").ToList();
        Assert.Equal([1.0, -1.0], active.Select(m => m.Value));
        Assert.All(active, m => Assert.Equal(["GET", "http"], [m.Tags["http.request.method"], m.Tags["url.scheme"]]));
    }

    [Fact]
    public async Task A_request_in_flight_is_counted_as_active_until_it_completes()
    {
        Listen("http.server.active_requests");

        var pending = _client.Client.GetAsync(new Uri("/slow", UriKind.Relative));
        await _handlerStarted.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var during = _measurements.Sum(m => m.Value);
        _releaseHandler.SetResult();
        using var response = await pending;

        Assert.Equal(1, during);
        Assert.Equal(0, _measurements.Sum(m => m.Value));
    }

    [Theory]
    [InlineData("GET", "/nowhere", 404)]
    [InlineData("DELETE", "/items/1", 405)]
    public async Task An_unmatched_request_is_measured_without_a_route(string method, string path, int status)
    {
        Listen();

        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative));
        using var response = await _client.Client.SendAsync(request);

        Assert.Equal(status, (int)response.StatusCode);
        var duration = Assert.Single(_measurements, m => m.Instrument == "http.server.request.duration");
        Assert.Equal(method, duration.Tags["http.request.method"]);
        Assert.False(duration.Tags.ContainsKey("error.type"));
        Assert.False(duration.Tags.ContainsKey("http.route"));
        Assert.Equal(status, duration.Tags["http.response.status_code"]);
    }

    [Fact]
    public async Task A_failing_handler_is_measured_with_status_500_and_the_exception_type()
    {
        Listen("http.server.request.duration");

        using var response = await _client.Client.GetAsync(new Uri("/fails", UriKind.Relative));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var duration = Assert.Single(_measurements);
        Assert.Equal(500, duration.Tags["http.response.status_code"]);
        Assert.Equal("/fails", duration.Tags["http.route"]);
        Assert.Equal("System.InvalidOperationException", duration.Tags["error.type"]);
    }

    [Fact]
    public async Task A_5xx_answered_by_the_handler_carries_its_status_as_error_type()
    {
        Listen("http.server.request.duration");

        using var response = await _client.Client.GetAsync(new Uri("/unavailable", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("503", Assert.Single(_measurements).Tags["error.type"]);
    }

    [Theory]
    [MemberData(nameof(TestTransports.Data), MemberType = typeof(TestTransports))]
    public async Task Methods_outside_the_known_set_are_tagged_other(TestTransport transport)
    {
        await using var client = await PulyaTestClient.StartAsync(transport, app => app
            .MapGet("/items/{id}", (string id) => new KeyedItem(id))
            .Map("PURGE", "/cache", () => "purged"));
        Listen(client);

        foreach (var method in new[] { "BREW", "PURGE", "XYZZY", "GET", "PATCH" })
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(method == "PURGE" ? "/cache" : "/items/1", UriKind.Relative));
            using var response = await client.Client.SendAsync(request);
        }

        var durations = _measurements.Where(m => m.Instrument == "http.server.request.duration").Select(m => m.Tags["http.request.method"]).ToList();
        Assert.Equal(["_OTHER", "_OTHER", "_OTHER", "GET", "PATCH"], durations);
    }

    [Theory]
    [InlineData("GET", "GET")]
    [InlineData("HEAD", "HEAD")]
    [InlineData("POST", "POST")]
    [InlineData("PUT", "PUT")]
    [InlineData("DELETE", "DELETE")]
    [InlineData("PATCH", "PATCH")]
    [InlineData("OPTIONS", "OPTIONS")]
    [InlineData("CONNECT", "CONNECT")]
    [InlineData("TRACE", "TRACE")]
    [InlineData("get", "_OTHER")]
    [InlineData("QUERY", "_OTHER")]
    public void The_method_tag_keeps_the_known_methods_only(string method, string tag)
    {
        Assert.Equal(tag, PulyaTelemetry.MethodTag(method));
    }

    [Theory]
    [InlineData("HTTP/1.0", "1.0")]
    [InlineData("HTTP/1.1", "1.1")]
    [InlineData("HTTP/2", "2")]
    [InlineData("HTTP/3", "3")]
    [InlineData("HTTP/4", "HTTP/4")]
    public void The_protocol_version_follows_the_conventions(string protocol, string version)
    {
        Assert.Equal(version, PulyaTelemetry.ProtocolVersion(protocol));
    }

    [Fact]
    public void The_meter_factory_is_required()
    {
        Assert.Throws<ArgumentNullException>(() => new PulyaTelemetry(null!));
    }

    /// <summary>Listens to this application's <c>Pulya</c> instruments (all, or the named ones).</summary>
    private void Listen(params string[] instruments) => Listen(_client, instruments);

    private void Listen(PulyaTestClient client, params string[] instruments)
    {
        var factory = client.Application.Services.GetRequiredService<IMeterFactory>();
        _listener = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == PulyaTelemetry.MeterName && ReferenceEquals(instrument.Meter.Scope, factory)
                    && (instruments.Length == 0 || instruments.Contains(instrument.Name)))
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.Start();
    }

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copy = new Dictionary<string, object?>();
        foreach (var tag in tags)
        {
            copy[tag.Key] = tag.Value;
        }

        _measurements.Enqueue((instrument.Name, value, copy));
    }

    /// <summary>The suite in memory.</summary>
    public sealed class OnTestServer() : PulyaTelemetryTests(TestTransport.TestServer);

    /// <summary>The suite over real Kestrel sockets.</summary>
    public sealed class OnKestrel() : PulyaTelemetryTests(TestTransport.Kestrel);
}
