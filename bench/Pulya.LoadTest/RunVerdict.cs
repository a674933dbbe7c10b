namespace Pulya.LoadTest;

/// <summary>
/// Whether a run's figures can be used at all: every Pulya profile and every <c>--server</c> program must have started
/// (only the peers are optional),
/// every run must have answered requests, all of them 2xx and without socket errors (a 404 is faster than the real
/// work and must never look like a speed-up), and something must have run.
/// </summary>
internal static class RunVerdict
{
    public static List<string> Problems(RunResults results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var problems = new List<string>();
        problems.AddRange(results.Servers.Where(s => (s.Kind is ServerSpec.ProfileKind or ServerSpec.ServerKind) && !s.Available).Select(s => $"{s.Kind} '{s.Name}' unavailable: {s.Failure}"));
        problems.AddRange(results.Measurements.Where(m => m.Requests == 0 || m.SocketErrors > 0 || m.Non2xx > 0)
            .Select(m => $"{m.Server} {m.Scenario} {m.Mode} round {m.Round}: {m.Requests} requests, {m.Non2xx} non-2xx, {m.SocketErrors} socket errors"));
        if (results.Measurements.Count == 0)
        {
            problems.Add("nothing was measured");
        }

        return problems;
    }
}
