using System.Globalization;

namespace Pulya.LoadTest;

/// <summary>Command-line options. <c>--help</c> prints them.</summary>
internal sealed class LoadTestOptions
{
    public const string Usage = """
        Pulya end-to-end load tool: starts each server as its own process on 127.0.0.1 and loads it over loopback.

        dotnet run -c Release --project bench/Pulya.LoadTest -- [options]

          --profiles a,b,...     profiles from bench/profiles/*.json (default: all; 'none' for none)
          --peers a,b,...        minimal-api, raw-kestrel, minimal-api-auth (default: these three; 'none' for none);
                                 minimal-api-auth (the Minimal APIs peer with JwtBearer, the policy and the rate limiter
                                 on /api) runs api-user only; pulya-trio and minimal-trio serve only plaintext, json and
                                 user (the jit group)
          --server NAME=PATH     also run an already-built program (repeatable): PATH ending in .dll runs with dotnet,
                                 anything else (a Native AOT binary) is executed directly; it gets the same arguments
                                 as the others (--urls http://127.0.0.1:PORT, --Sample:GitHubRoutes=true for github)
                                 and is not built by the tool
          --server-args NAME=ARGS   more arguments for --server NAME, separated by spaces (e.g. 'r2r=--Pulya:Router=Trie')
          --server-profile NAME=PROFILE   give --server NAME the arguments of a profile of bench/profiles (before
                                 its --server-args): the sample published ReadyToRun or built at another commit
          --scenarios a,b,...    root, last_route, plaintext, json, user, wiring, echo1, echo10, echo1000, github, api-user
                                 (default: all; api-user sends a bearer JWT signed with the sample's development key and
                                 runs against the profiles and minimal-api-auth only)
          --modes a,b            plain, pipelined (default: both)
          --depth N              requests in flight per connection when pipelined (default: 16)
          --client wrk|builtin   load generator (default: wrk if installed, else builtin)
          --connections N        connections (default: 64)
          --threads N            wrk threads (default: 2)
          --duration S           seconds measured per run (default: 10)
          --warmup S             seconds of load before each measured run, discarded (default: 3)
          --rounds N             interleaved rounds A B C A B C ... (default: 3)
          --counters all|first|once|off   read allocations and GCs over EventPipe for every run, the first run per server process, the first run of all, or never (default: all)
          --counter-interval S   EventCounter interval in seconds (default: 1)
          --output DIR           results folder (default: bench/results/<UTC timestamp>)
          --no-build             do not build the servers first
          --from FILE            no load: rewrite report.md and chart.svg (and --check) from an earlier results.json
          --check [roadmap,ceiling,startup,aot,jit]  gate on the success metrics: roadmap (optimized vs baseline), ceiling
                                 (optimized vs raw Kestrel), default these two; startup (optimized vs optimized-compiled,
                                 first response with the GitHub set); jit (pulya-trio vs minimal-trio and raw-kestrel, the
                                 sample's optimized vs minimal-api: start-up, memory, req/s); aot (--server pulya-aot vs --server raw-kestrel-aot
                                 and --server pulya-jit); a missed target or a missing figure of a gated group exits 1
          --smoke                a quick run for CI: 1 round, 0.5 s per run, builtin client, root + github + api-user pipelined, counters read once
          --profile-args NAME    no load: print the sample's arguments for profile NAME, one a line (for bench/profiling)
          --scenario-headers NAME  no load: print the request headers of scenario NAME, "Name: value" one a line (e.g. the
                                 bearer token api-user sends, minted now; for bench/profiling)

        Soak mode (memory and stability under a long saturating load, per profile, no peers):
          --soak DURATION        e.g. 90s, 5m, 1h: every sample route plus a flood of distinct paths over --connections
                                 (default 16) keep-alive connections; samples working set, GC heap and route cache entries
                                 every --counter-interval; exit 1 when a check fails (unexpected status, socket error,
                                 growth over the second half >= 10%, cache above capacity, SIGTERM exit code != 0) or a
                                 figure is missing. --profiles defaults to baseline,optimized.
          --flood F              share of requests to distinct paths (default 0.3)
        """;

    private readonly List<(string Name, string Path)> _servers = [];
    private readonly Dictionary<string, IReadOnlyList<string>> _serverArguments = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _serverProfiles = new(StringComparer.Ordinal);

    public IReadOnlyList<string>? Profiles { get; private set; }

    public IReadOnlyList<string> Peers { get; private set; } = [ServerSpec.MinimalApi, ServerSpec.RawKestrel, ServerSpec.MinimalApiAuth];

    /// <summary>The <c>--server NAME=PATH</c> programs, in the order given.</summary>
    public IReadOnlyList<(string Name, string Path)> Servers => _servers;

    /// <summary>The <c>--server-args</c> of each named server, split at spaces.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> ServerArguments => _serverArguments;

    /// <summary>The <c>--server-profile</c> of each named server: a profile whose arguments it gets.</summary>
    public IReadOnlyDictionary<string, string> ServerProfiles => _serverProfiles;

    public IReadOnlyList<string>? Scenarios { get; private set; }

    public IReadOnlyList<string> Modes { get; private set; } = ["plain", "pipelined"];

    public int Depth { get; private set; } = 16;

    public string? Client { get; private set; }

    public int Connections { get; private set; } = 64;

    public int Threads { get; private set; } = 2;

    public double Duration { get; private set; } = 10;

    public double Warmup { get; private set; } = 3;

    public int Rounds { get; private set; } = 3;

    public string Counters { get; private set; } = "all";

    public double CounterInterval { get; private set; } = 1;

    public string? Output { get; private set; }

    public bool Build { get; private set; } = true;

    public string? From { get; private set; }

    /// <summary>The success-metric groups that decide the exit code (<see cref="Report.Roadmap"/>, <see cref="Report.Ceiling"/>); null without <c>--check</c>.</summary>
    public IReadOnlySet<string>? CheckGates { get; private set; }

    public bool Smoke { get; private set; }

    /// <summary>Soak mode and its duration; null for a load test.</summary>
    public TimeSpan? SoakDuration { get; private set; }

    public double FloodShare { get; private set; } = 0.3;

    public bool Help { get; private set; }

    /// <summary><c>--profile-args NAME</c>: print that profile's server arguments and exit.</summary>
    public string? ProfileArguments { get; private set; }

    /// <summary><c>--scenario-headers NAME</c>: print that scenario's request headers and exit.</summary>
    public string? ScenarioHeaders { get; private set; }

    public static LoadTestOptions Parse(string[] args)
    {
        var options = new LoadTestOptions();
        if (args.Contains("--smoke"))
        {
            options.Smoke = true;
            options.Rounds = 1;
            options.Duration = 0.5;
            options.Warmup = 0.25;
            options.Connections = 16;
            options.Client = "builtin";
            options.Scenarios = ["root", "github", Scenario.ApiUser];
            options.Modes = ["pipelined"];
            options.Counters = "once";
            options.CounterInterval = 0.5;
        }

        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            static string[] List(string value) => value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            int Int() => int.Parse(Value(), CultureInfo.InvariantCulture) is var n && n > 0 ? n : throw new ArgumentException($"{args[i]} must be positive.");
            double Seconds() => double.Parse(Value(), CultureInfo.InvariantCulture) is var s && s >= 0 ? s : throw new ArgumentException($"{args[i]} must not be negative.");
            switch (args[i])
            {
                case "--smoke": break;
                case "--profiles":
                    var profiles = Value();
                    options.Profiles = profiles == "none" ? [] : List(profiles);
                    break;
                case "--server":
                    var (name, path) = Named(args[i], Value());
                    if (name is ServerSpec.MinimalApi or ServerSpec.RawKestrel or ServerSpec.MinimalApiAuth || options._servers.Any(s => s.Name == name))
                    {
                        throw new ArgumentException($"--server {name}: the name is already taken (by a peer or an earlier --server).");
                    }

                    options._servers.Add((name, path));
                    break;
                case "--server-args":
                    var (server, arguments) = Named(args[i], Value());
                    options._serverArguments[server] = arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                    break;
                case "--server-profile":
                    var (profiled, profile) = Named(args[i], Value());
                    options._serverProfiles[profiled] = profile;
                    break;
                case "--peers":
                    var peers = Value();
                    options.Peers = peers == "none" ? [] : List(peers);
                    break;
                case "--scenarios": options.Scenarios = List(Value()); break;
                case "--modes": options.Modes = List(Value()); break;
                case "--depth": options.Depth = Int(); break;
                case "--client": options.Client = Value(); break;
                case "--connections": options.Connections = Int(); break;
                case "--threads": options.Threads = Int(); break;
                case "--duration": options.Duration = Math.Max(0.5, Seconds()); break;
                case "--warmup": options.Warmup = Seconds(); break;
                case "--rounds": options.Rounds = Int(); break;
                case "--counters": options.Counters = Value(); break;
                case "--counter-interval": options.CounterInterval = Math.Max(0.1, Seconds()); break;
                case "--output": options.Output = Value(); break;
                case "--no-build": options.Build = false; break;
                case "--from": options.From = Value(); break;
                case "--soak": options.SoakDuration = ParseDuration(Value()); break;
                case "--flood":
                    options.FloodShare = double.Parse(Value(), CultureInfo.InvariantCulture) is var f && f is >= 0 and <= 1 ? f : throw new ArgumentException("--flood takes a share between 0 and 1.");
                    break;
                case "--check":
                    options.CheckGates = i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal)
                        ? new HashSet<string>(List(args[++i]), StringComparer.Ordinal)
                        : Report.DefaultGates;
                    if (options.CheckGates.Count == 0 || !options.CheckGates.IsSubsetOf(Report.AllGates))
                    {
                        throw new ArgumentException($"--check takes one or more of {Report.Roadmap}, {Report.Ceiling}, {Report.Startup}, {Report.Aot}, {Report.Jit}.");
                    }

                    break;
                case "--help" or "-h": options.Help = true; break;
                case "--profile-args": options.ProfileArguments = Value(); break;
                case "--scenario-headers": options.ScenarioHeaders = Value(); break;
                default: throw new ArgumentException($"Unknown option '{args[i]}'. Use --help.");
            }
        }

        foreach (var (option, names) in new (string Option, IEnumerable<string> Names)[] { ("--server-args", options._serverArguments.Keys), ("--server-profile", options._serverProfiles.Keys) })
        {
            var orphan = names.FirstOrDefault(n => options._servers.All(s => s.Name != n));
            if (orphan is not null)
            {
                throw new ArgumentException($"{option} {orphan}: no --server {orphan}=PATH names that server.");
            }
        }

        if (options.Modes.Any(m => m is not ("plain" or "pipelined")))
        {
            throw new ArgumentException("--modes takes plain and/or pipelined.");
        }

        if (options.Counters is not ("all" or "first" or "once" or "off"))
        {
            throw new ArgumentException("--counters takes all, first, once or off.");
        }

        if (options.SoakDuration is not null)
        {
            options.Profiles ??= [Report.Baseline, Report.Optimized];
            options.Peers = [];
            if (!args.Contains("--connections"))
            {
                options.Connections = 16;
            }
        }

        if (options.Client is not (null or "wrk" or "builtin"))
        {
            throw new ArgumentException("--client takes wrk or builtin.");
        }

        return options;
    }

    /// <summary><c>NAME=VALUE</c> of <c>--server</c>, <c>--server-args</c> and <c>--server-profile</c>: a name of letters, digits, '.', '-', '_' and a non-empty value.</summary>
    private static (string Name, string Value) Named(string option, string text)
    {
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        var name = equals > 0 ? text[..equals] : "";
        var value = equals > 0 ? text[(equals + 1)..].Trim() : "";
        if (name.Length == 0 || value.Length == 0 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_'))
        {
            throw new ArgumentException($"{option} takes NAME=VALUE (a name of letters, digits, '.', '-', '_'), not '{text}'.");
        }

        return (name, value);
    }

    /// <summary><c>90s</c>, <c>5m</c>, <c>1h</c>, or a TimeSpan (<c>00:05:00</c>); positive, at most 24 h.</summary>
    public static TimeSpan ParseDuration(string text)
    {
        ArgumentException.ThrowIfNullOrEmpty(text);
        var number = text[..^1];
        var duration = text[^1] switch
        {
            's' => TimeSpan.FromSeconds(double.Parse(number, CultureInfo.InvariantCulture)),
            'm' => TimeSpan.FromMinutes(double.Parse(number, CultureInfo.InvariantCulture)),
            'h' => TimeSpan.FromHours(double.Parse(number, CultureInfo.InvariantCulture)),
            _ => TimeSpan.Parse(text, CultureInfo.InvariantCulture),
        };
        return duration > TimeSpan.Zero && duration <= TimeSpan.FromHours(24) ? duration : throw new ArgumentException($"Duration '{text}' must be positive and at most 24 h.");
    }
}
