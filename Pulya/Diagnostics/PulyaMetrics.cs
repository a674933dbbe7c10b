using System.Diagnostics;
using System.Diagnostics.Metrics;
using Pulya.Pipeline;

namespace Pulya.Diagnostics;

/// <summary>
/// Pulya's figures as <see cref="System.Diagnostics.Metrics"/> instruments on the meter <c>Pulya</c> (created through
/// <see cref="IMeterFactory"/>, so each application has its own): <c>pulya.server.request.duration</c> (histogram,
/// seconds; tags <c>http.route</c>, <c>http.request.method</c> (a known method or <c>_OTHER</c>), <c>http.response.status_code</c>),
/// <c>pulya.server.active_requests</c> and <c>pulya.server.unmatched_requests</c> (404/405; tags method and status).
/// <c>dotnet-counters monitor --counters Pulya</c> shows them; OpenTelemetry exports them. Costs nothing when nobody
/// listens: the pipeline checks <see cref="Instrument.Enabled"/> and takes no timestamp, allocates nothing otherwise.
/// Modules add their own instruments to the same meter (<see cref="PulyaMeter.Name"/>).
/// </summary>
internal sealed class PulyaMetrics
{
    /// <summary>The meter's name.</summary>
    public const string MeterName = PulyaMeter.Name;

    private readonly Histogram<double> _duration;
    private readonly UpDownCounter<long> _active;
    private readonly Counter<long> _unmatched;

    public PulyaMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _duration = meter.CreateHistogram(
            "pulya.server.request.duration",
            unit: "s",
            description: "Duration of HTTP requests handled by Pulya, by route template, method and status.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] });
        _active = meter.CreateUpDownCounter<long>("pulya.server.active_requests", unit: "{request}", description: "Requests being handled.");
        _unmatched = meter.CreateCounter<long>("pulya.server.unmatched_requests", unit: "{request}", description: "Requests that matched no route (404) or no method of a route (405).");
    }

    /// <summary>True when anyone listens to the duration or the active-requests instrument.</summary>
    public bool TracksRequests => _duration.Enabled || _active.Enabled;

    /// <summary>Counts the request as active and runs <paramref name="process"/>; records its duration when it completes.</summary>
    public async Task TrackAsync(PulyaContext context, Func<PulyaContext, Task> process)
    {
        var start = Stopwatch.GetTimestamp();
        var active = _active.Enabled;
        if (active)
        {
            _active.Add(1);
        }

        try
        {
            await process(context).ConfigureAwait(false);
        }
        finally
        {
            if (active)
            {
                _active.Add(-1);
            }

            if (_duration.Enabled)
            {
                var tags = new TagList
                {
                    { "http.request.method", MethodTag(context.Method) },
                    { "http.response.status_code", context.Response.StatusCode },
                };
                if (context.MatchedRoute is { } route)
                {
                    tags.Add("http.route", route.Template.Text);
                }

                _duration.Record(Stopwatch.GetElapsedTime(start).TotalSeconds, tags);
            }
        }
    }

    /// <summary>
    /// The method as a tag value: one of the methods of RFC 9110 and PATCH, else <c>_OTHER</c> (OpenTelemetry's HTTP
    /// conventions), so clients cannot create one time series per made-up method.
    /// </summary>
    internal static string MethodTag(string method) => method switch
    {
        "GET" => "GET",
        "HEAD" => "HEAD",
        "POST" => "POST",
        "PUT" => "PUT",
        "DELETE" => "DELETE",
        "PATCH" => "PATCH",
        "OPTIONS" => "OPTIONS",
        "CONNECT" => "CONNECT",
        "TRACE" => "TRACE",
        _ => "_OTHER",
    };

    /// <summary>Counts a request that matched no route (404) or no method (405).</summary>
    public void Unmatched(string method, int status)
    {
        if (_unmatched.Enabled)
        {
            _unmatched.Add(1, new KeyValuePair<string, object?>("http.request.method", MethodTag(method)), new KeyValuePair<string, object?>("http.response.status_code", status));
        }
    }
}
