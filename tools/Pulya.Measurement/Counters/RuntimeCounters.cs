using System.Diagnostics.Tracing;
using System.Globalization;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing;

namespace Pulya.Measurement;

/// <summary>
/// Reads the server's <c>System.Runtime</c> event counters over EventPipe (the channel <c>dotnet-counters</c> uses): bytes
/// allocated (<c>alloc-rate</c>) and GC counts per generation, summed over the session, and the size of the GC heap
/// after the last collection (the sum of the generation sizes). The session is opened before the load and closed one
/// interval after it, so every interval that saw the load is reported; the idle intervals around it add only the
/// counters' own few allocations. With <c>meter</c> set it also reads that <c>System.Diagnostics.Metrics</c> meter's
/// up-down counters (the soak reads the route cache's <c>pulya.route_cache.count</c> this way).
/// </summary>
internal sealed class RuntimeCounters : IAsyncDisposable
{
    private readonly EventPipeSession _session;
    private readonly EventPipeEventSource _source;
    private readonly Task _processing;
    private readonly object _gate = new();
    private double _allocated;
    private double _gen0;
    private double _gen1;
    private double _gen2;
    private double _heapMb;
    private int _intervals;
    private readonly Dictionary<string, double> _generationSizes = [];
    private readonly Dictionary<string, double> _instruments = new(StringComparer.Ordinal);

    private RuntimeCounters(EventPipeSession session, double intervalSeconds)
    {
        _session = session;
        Interval = TimeSpan.FromSeconds(intervalSeconds);
        _source = new EventPipeEventSource(session.EventStream);
        _source.Dynamic.All += OnEvent;
        _processing = Task.Run(() => _source.Process());
    }

    public TimeSpan Interval { get; }

    public static RuntimeCounters Start(int pid, double intervalSeconds, string? meter = null)
    {
        var client = new DiagnosticsClient(pid);
        var interval = intervalSeconds.ToString(CultureInfo.InvariantCulture);
        var providers = new List<EventPipeProvider>
        {
            new("System.Runtime", EventLevel.Informational, 0xFFFFFFFF, new Dictionary<string, string> { ["EventCounterIntervalSec"] = interval }),
        };
        if (meter is not null)
        {
            providers.Add(new("System.Diagnostics.Metrics", EventLevel.Informational, 0x2, new Dictionary<string, string>
            {
                ["SessionId"] = Guid.NewGuid().ToString("N"),
                ["Metrics"] = meter,
                ["RefreshInterval"] = interval,
                ["MaxTimeSeries"] = "100",
                ["MaxHistograms"] = "10",
            }));
        }

        var session = client.StartEventPipeSession(providers, requestRundown: false, circularBufferMB: 16);
        return new RuntimeCounters(session, intervalSeconds);
    }

    /// <summary>The latest values: GC heap after the last collection (bytes), GC counts so far, and the meter's up-down counters by name.</summary>
    public (double HeapAfterGcBytes, double Gen0, double Gen1, double Gen2, IReadOnlyDictionary<string, double> Instruments) Latest()
    {
        lock (_gate)
        {
            return (_generationSizes.Values.Sum(), _gen0, _gen1, _gen2, new Dictionary<string, double>(_instruments, StringComparer.Ordinal));
        }
    }

    /// <summary>Stops the session and returns the sums (bytes allocated, GCs per generation, last GC heap size in MB).</summary>
    public async Task<(double AllocatedBytes, double Gen0, double Gen1, double Gen2, double HeapMb, int Intervals)> StopAsync()
    {
        await _session.StopAsync(CancellationToken.None);
        await _processing.WaitAsync(TimeSpan.FromSeconds(10));
        lock (_gate)
        {
            return (_allocated, _gen0, _gen1, _gen2, _heapMb, _intervals);
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _session.StopAsync(CancellationToken.None);
        }
        catch (ServerNotAvailableException)
        {
            // The server is gone already.
        }

        _source.Dispose();
        _session.Dispose();
    }

    private void OnEvent(TraceEvent data)
    {
        if (data.EventName == "UpDownCounterRateValuePublished")
        {
            if (data.PayloadByName("instrumentName") is string instrument
                && double.TryParse(data.PayloadByName("value") as string, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                lock (_gate)
                {
                    _instruments[instrument] = value;
                }
            }

            return;
        }

        if (data.EventName != "EventCounters" || data.PayloadValue(0) is not IDictionary<string, object> outer
            || outer.TryGetValue("Payload", out var inner) is false || inner is not IDictionary<string, object> fields
            || !fields.TryGetValue("Name", out var nameValue) || nameValue is not string name)
        {
            return;
        }

        var increment = fields.TryGetValue("Increment", out var i) ? Convert.ToDouble(i, CultureInfo.InvariantCulture) : 0;
        var mean = fields.TryGetValue("Mean", out var m) ? Convert.ToDouble(m, CultureInfo.InvariantCulture) : 0;
        lock (_gate)
        {
            switch (name)
            {
                case "alloc-rate":
                    _allocated += increment;
                    _intervals++;
                    break;
                case "gen-0-gc-count":
                    _gen0 += increment;
                    break;
                case "gen-1-gc-count":
                    _gen1 += increment;
                    break;
                case "gen-2-gc-count":
                    _gen2 += increment;
                    break;
                case "gc-heap-size":
                    _heapMb = mean;
                    break;
                case "gen-0-size" or "gen-1-size" or "gen-2-size" or "loh-size" or "poh-size":
                    _generationSizes[name] = mean;
                    break;
            }
        }
    }
}
