namespace Pulya.LoadTest;

/// <summary>A server of the run and, if it could not start, why.</summary>
internal sealed record ServerInfo(string Name, string Kind, string Description, IReadOnlyList<string> Arguments, bool Available, string? Failure);

/// <summary>One server process: time from process start to first response, idle and peak working set.</summary>
internal sealed record StartupSample(string Server, string RouteSet, int Round, double StartupMs, double IdleWorkingSetMb, double PeakWorkingSetMb);

/// <summary>One measured run of one scenario in one mode on one server.</summary>
internal sealed record Measurement(
    string Server,
    string Scenario,
    string Mode,
    int Round,
    double RequestsPerSecond,
    long Requests,
    double P50Ms,
    double P90Ms,
    double P99Ms,
    double MaxMs,
    long Non2xx,
    long SocketErrors,
    double? AllocatedBytesPerRequest,
    double? Gen0,
    double? Gen1,
    double? Gen2,
    double PeakWorkingSetMb);

/// <summary>The median over the rounds of one (server, scenario, mode), with the relative spread (max−min)/median of req/s.</summary>
internal sealed record Summary(
    string Server,
    string Scenario,
    string Mode,
    int Rounds,
    double RequestsPerSecond,
    double RequestsPerSecondSpread,
    double P50Ms,
    double P90Ms,
    double P99Ms,
    double MaxMs,
    long Non2xx,
    long SocketErrors,
    double? AllocatedBytesPerRequest,
    double? GcPerMillionRequests,
    double PeakWorkingSetMb);

/// <summary>Everything a run wrote to <c>results.json</c>.</summary>
internal sealed record RunResults(
    DateTimeOffset Started,
    Dictionary<string, string> Machine,
    Dictionary<string, string> Settings,
    List<ServerInfo> Servers,
    List<StartupSample> Startups,
    List<Measurement> Measurements,
    List<Summary> Summaries);
