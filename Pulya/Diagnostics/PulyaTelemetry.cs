using System.Diagnostics;
using System.Diagnostics.Metrics;
using Pulya.Pipeline;

namespace Pulya.Diagnostics;

/// <summary>
/// Pulya's request telemetry, following OpenTelemetry's stable HTTP semantic conventions so that existing dashboards work:
/// on the meter <c>Pulya</c> (created through <see cref="IMeterFactory"/>, so each application has its own),
/// <c>http.server.request.duration</c> (histogram, seconds, the advised bucket boundaries; <c>http.request.method</c>,
/// <c>http.route</c>, <c>http.response.status_code</c>, <c>url.scheme</c>, <c>network.protocol.version</c>, <c>error.type</c>)
/// and <c>http.server.active_requests</c> (<c>http.request.method</c>, <c>url.scheme</c>); on the activity source
/// <c>Pulya</c>, one server activity per request, parented from the incoming <c>traceparent</c>/<c>tracestate</c>/<c>baggage</c>
/// through <see cref="DistributedContextPropagator.Current"/>, named <c>{method} {route}</c> once matched, with the same
/// attributes, an error status and the exception on failure. Costs nothing when nobody listens: the pipeline checks
/// <see cref="Enabled"/> and takes no timestamp, allocates nothing otherwise. Modules add their own instruments to the
/// same meter (<see cref="PulyaMeter.Name"/>).
/// </summary>
internal sealed class PulyaTelemetry
{
    /// <summary>The meter's name.</summary>
    public const string MeterName = PulyaMeter.Name;

    /// <summary>The operation name of the request activities (their display name is <c>{method} {route}</c>).</summary>
    public const string ActivityName = "Pulya.HttpRequestIn";

    /// <summary>The activity source; static, as activity sources are process-wide (listeners select them by name).</summary>
    internal static readonly ActivitySource Source = new(PulyaActivitySource.Name, typeof(PulyaTelemetry).Assembly.GetName().Version?.ToString());

    private static readonly DistributedContextPropagator.PropagatorGetterCallback GetHeader = static (carrier, name, out value, out values) =>
    {
        // Repeated fields are joined with commas, as HTTP allows (baggage); a repeated traceparent then fails to parse.
        var header = ((PulyaContext)carrier!).RequestHeaders[name];
        value = header.Count == 0 ? null : header.ToString();
        values = null;
    };

    private readonly Histogram<double> _duration;
    private readonly UpDownCounter<long> _active;

    public PulyaTelemetry(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _duration = meter.CreateHistogram(
            "http.server.request.duration",
            unit: "s",
            description: "Duration of HTTP server requests.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10] });
        _active = meter.CreateUpDownCounter<long>("http.server.active_requests", unit: "{request}", description: "Number of active HTTP server requests.");
    }

    /// <summary>True when anyone listens to the duration, the active requests or the activity source.</summary>
    public bool Enabled => _duration.Enabled || _active.Enabled || Source.HasListeners();

    /// <summary>
    /// Starts the request's activity (when listened to and sampled), counts the request as active and runs
    /// <paramref name="process"/>; records its duration and stops the activity when it completes.
    /// </summary>
    public async Task TrackAsync(PulyaContext context, Func<PulyaContext, Task> process)
    {
        var method = MethodTag(context.Method);
        var scheme = context.Scheme;
        var activity = StartActivity(context, method, scheme);
        // A timestamp only for a listened duration: an activity keeps its own.
        var start = _duration.Enabled ? Stopwatch.GetTimestamp() : 0L;
        var active = _active.Enabled;
        if (active)
        {
            _active.Add(1, new KeyValuePair<string, object?>("http.request.method", method), new KeyValuePair<string, object?>("url.scheme", scheme));
        }

        try
        {
            await process(context).ConfigureAwait(false);
        }
        finally
        {
            if (active)
            {
                _active.Add(-1, new KeyValuePair<string, object?>("http.request.method", method), new KeyValuePair<string, object?>("url.scheme", scheme));
            }

            var status = context.Response.StatusCode;
            var route = context.MatchedRoute?.Template.Text;
            // OpenTelemetry's error.type: the exception's type when one failed the request, else the status for a 5xx.
            var errorType = context.Failure?.GetType().FullName ?? (status >= 500 ? status.ToString(System.Globalization.CultureInfo.InvariantCulture) : null);
            if (start != 0)
            {
                var tags = new TagList
                {
                    { "http.request.method", method },
                    { "http.response.status_code", status },
                    { "url.scheme", scheme },
                    { "network.protocol.version", ProtocolVersion(context.Protocol) },
                };
                if (route is not null)
                {
                    tags.Add("http.route", route);
                }

                if (errorType is not null)
                {
                    tags.Add("error.type", errorType);
                }

                _duration.Record(Stopwatch.GetElapsedTime(start).TotalSeconds, tags);
            }

            if (activity is not null)
            {
                StopActivity(activity, context, method, status, route, errorType);
            }
        }
    }

    /// <summary>The request's server activity, continuing the caller's trace; null when nobody listens or the sampler declines.</summary>
    private static Activity? StartActivity(PulyaContext context, string method, string scheme)
    {
        if (!Source.HasListeners())
        {
            return null;
        }

        var propagator = DistributedContextPropagator.Current;
        propagator.ExtractTraceIdAndState(context, GetHeader, out var traceParent, out var traceState);
        _ = ActivityContext.TryParse(traceParent, traceState, isRemote: true, out var parent);
        var activity = Source.CreateActivity(ActivityName, ActivityKind.Server, parent);
        if (activity is null)
        {
            return null;
        }

        // The span name before the match (OpenTelemetry: the method, or HTTP for one outside the known set).
        activity.DisplayName = method == "_OTHER" ? "HTTP" : method;
        activity.SetTag("http.request.method", method);
        activity.SetTag("url.scheme", scheme);
        activity.SetTag("url.path", context.Path);
        activity.SetTag("network.protocol.version", ProtocolVersion(context.Protocol));
        if (propagator.ExtractBaggage(context, GetHeader) is { } baggage)
        {
            foreach (var item in baggage)
            {
                activity.AddBaggage(item.Key, item.Value);
            }
        }

        return activity.Start();
    }

    private static void StopActivity(Activity activity, PulyaContext context, string method, int status, string? route, string? errorType)
    {
        if (route is not null)
        {
            activity.DisplayName = (method == "_OTHER" ? "HTTP" : method) + " " + route;
            activity.SetTag("http.route", route);
        }

        activity.SetTag("http.response.status_code", status);
        if (errorType is not null)
        {
            activity.SetTag("error.type", errorType);
            activity.SetStatus(ActivityStatusCode.Error);
        }

        if (context.Failure is { } failure)
        {
            activity.AddException(failure);
        }

        activity.Stop();
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

    /// <summary>The protocol as OpenTelemetry's <c>network.protocol.version</c>: <c>1.1</c>, <c>2</c>, <c>3</c>.</summary>
    internal static string ProtocolVersion(string protocol) => protocol switch
    {
        "HTTP/1.1" => "1.1",
        "HTTP/2" => "2",
        "HTTP/3" => "3",
        "HTTP/1.0" => "1.0",
        _ => protocol,
    };
}
