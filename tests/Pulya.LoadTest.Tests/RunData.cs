namespace Pulya.LoadTest.Tests;

/// <summary>Builds <see cref="RunResults"/> the way a run records them.</summary>
internal static class RunData
{
    public static Summary Row(string server, double rps, double p50, double p99, double? alloc, string scenario = "github", string mode = "pipelined") =>
        new(server, scenario, mode, 3, rps, 0.05, p50, p50 * 1.5, p99, p99 * 2, 0, 0, alloc, alloc is null ? null : 1, 80);

    public static RunResults Results(IEnumerable<Summary> summaries, IEnumerable<StartupSample>? startups = null, IEnumerable<ServerInfo>? servers = null, IEnumerable<Measurement>? measurements = null) =>
        new(DateTimeOffset.UnixEpoch, [], [], [.. servers ?? []], [.. startups ?? []], [.. measurements ?? []], [.. summaries]);

    public static Measurement Run(string server, long requests = 1000, long non2xx = 0, long errors = 0) =>
        new(server, "root", "pipelined", 1, requests, requests, 1, 2, 3, 4, non2xx, errors, null, null, null, null, 80);

    public static ServerInfo Server(string name, string kind, bool available) =>
        new(name, kind, "", [], available, available ? null : "exited with code 1 before answering: OptionsValidationException: Pulya:Router 'Radix' is not registered");
}
