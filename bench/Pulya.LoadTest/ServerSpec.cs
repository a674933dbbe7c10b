using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Pulya.LoadTest;

/// <summary>
/// A server under test: the Pulya sample under one profile of <c>bench/profiles/</c>, a peer, or an already-built
/// program named with <c>--server</c> (a ReadyToRun or Native AOT publish, an older build). A profile file is
/// configuration in appsettings shape, read with the JSON configuration provider; its <c>Pulya</c> and <c>Sample</c>
/// sections become <c>--Pulya:Key=Value</c> (<c>--Sample:…</c>) arguments and <c>Description</c> describes it.
/// <paramref name="Project"/> is the project <c>--build</c> builds first, null for a program the tool runs as it is;
/// <paramref name="ProgramPath"/> is a <c>.dll</c> (run with <c>dotnet</c>) or a native executable (run directly).
/// </summary>
internal sealed record ServerSpec(string Name, string Kind, string? Project, string ProgramPath, IReadOnlyList<string> Arguments, string Description)
{
    public const string MinimalApi = "minimal-api";

    /// <summary>The Minimal APIs peer with <c>--Peer:AspNetCoreAuth=true</c>: the sample's <c>/api</c> group with the same middleware; it runs the authenticated scenarios only.</summary>
    public const string MinimalApiAuth = "minimal-api-auth";
    public const string RawKestrel = "raw-kestrel";

    /// <summary>Pulya serving only the three endpoints <c>/plaintext</c>, <c>/json</c>, <c>/users/{id:int}</c> (<c>bench/Pulya.Trio</c>).</summary>
    public const string PulyaTrio = "pulya-trio";

    /// <summary>Minimal APIs on <c>WebApplication.CreateSlimBuilder</c> serving the same three endpoints.</summary>
    public const string MinimalTrio = "minimal-trio";

    /// <summary>The scenarios of the three endpoints, in report order: the only ones <see cref="PulyaTrio"/> and <see cref="MinimalTrio"/> serve.</summary>
    public static IReadOnlyList<string> TrioScenarios { get; } = ["plaintext", "json", "user"];

    private static readonly IReadOnlySet<string> TrioSet = new HashSet<string>(TrioScenarios, StringComparer.Ordinal);

    /// <summary>The scenarios this server serves, null for every one; the others are not run on it.</summary>
    public IReadOnlySet<string>? Serves { get; init; }
    public const string ProfileKind = "profile";
    public const string PeerKind = "peer";

    /// <summary>The kind of a program named with <c>--server</c>.</summary>
    public const string ServerKind = "server";

    public static ServerSpec Peer(string root, string name) => name switch
    {
        MinimalApi => Built(name, PeerKind, Path.Combine(root, "bench", "Pulya.Peers.MinimalApi"), "Pulya.Peers.MinimalApi.dll", [], "ASP.NET Core Minimal APIs"),
        RawKestrel => Built(name, PeerKind, Path.Combine(root, "bench", "Pulya.Peers.RawKestrel"), "Pulya.Peers.RawKestrel.dll", [], "raw Kestrel IHttpApplication, hand-written dispatch"),
        MinimalApiAuth => Built(name, PeerKind, Path.Combine(root, "bench", "Pulya.Peers.MinimalApi"), "Pulya.Peers.MinimalApi.dll", ["--Peer:AspNetCoreAuth=true"],
            "ASP.NET Core Minimal APIs with JwtBearer, the authorization policy and the rate limiter on /api (authenticated scenarios only)"),
        PulyaTrio => Built(name, PeerKind, Path.Combine(root, "bench", "Pulya.Trio"), "Pulya.Trio.dll", [], "Pulya, the three endpoints only (slim builder, trie, pooling, generated binder)") with { Serves = TrioSet },
        MinimalTrio => Built(name, PeerKind, Path.Combine(root, "bench", "Pulya.Peers.MinimalApi"), "Pulya.Peers.MinimalApi.dll", ["--Peer:Trio=true"], "ASP.NET Core Minimal APIs on the slim builder, the three endpoints only") with { Serves = TrioSet },
        _ => throw new ArgumentException($"Unknown peer '{name}'. Peers: {MinimalApi}, {RawKestrel}, {MinimalApiAuth}, {PulyaTrio}, {MinimalTrio}."),
    };

    /// <summary>
    /// Whether the server runs <paramref name="scenario"/>: those of <see cref="Serves"/> when it names them; an authenticated
    /// one only where the sample's <c>/api</c> group is served (a profile, a <c>--server</c> given the sample's arguments,
    /// <see cref="MinimalApiAuth"/>, which in turn runs nothing else).
    /// </summary>
    public bool Runs(Scenario scenario) =>
        Name == MinimalApiAuth ? scenario.Authenticated
        : Serves is not null ? Serves.Contains(scenario.Name)
        : !scenario.Authenticated || Kind == ProfileKind || (Kind == ServerKind && Arguments.Any(a => a.StartsWith("--Sample:", StringComparison.Ordinal)));

    public static ServerSpec Profile(string root, string file)
    {
        var configuration = new ConfigurationBuilder().AddJsonFile(Path.GetFullPath(file), optional: false, reloadOnChange: false).Build();
        var unknown = configuration.GetChildren().Select(c => c.Key).Where(k => k is not ("Description" or "Pulya" or "Sample")).ToList();
        if (unknown.Count > 0)
        {
            throw new InvalidDataException($"{file}: a profile holds 'Description' and the 'Pulya' and 'Sample' sections only, not {string.Join(", ", unknown)}.");
        }

        var arguments = configuration.GetSection("Pulya").AsEnumerable(makePathsRelative: false)
            .Concat(configuration.GetSection("Sample").AsEnumerable(makePathsRelative: false))
            .Where(kv => kv.Value is not null)
            .OrderBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => $"--{kv.Key}={kv.Value}")
            .ToList();
        return Built(Path.GetFileNameWithoutExtension(file), ProfileKind, Path.Combine(root, "samples", "Pulya.Sample"), "Pulya.Sample.dll", arguments, configuration["Description"] ?? "");
    }

    /// <summary>
    /// A program that is already built (<c>--server NAME=PATH</c>): <paramref name="path"/> ending in <c>.dll</c> runs with
    /// <c>dotnet</c>, anything else is executed directly; it gets the same arguments as every server, then <paramref name="arguments"/>.
    /// </summary>
    /// <exception cref="FileNotFoundException">There is no file at <paramref name="path"/>.</exception>
    public static ServerSpec Server(string name, string path, IReadOnlyList<string> arguments)
    {
        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw new FileNotFoundException($"--server {name}: no file at {full} (publish or build it first).", full);
        }

        // A native executable's size is the published binary's size (an assembly's is only its own code).
        var how = IsAssemblyPath(full) ? "assembly run with dotnet" : string.Create(CultureInfo.InvariantCulture, $"native executable, {new FileInfo(full).Length / 1048576.0:0.0} MB");
        return new(name, ServerKind, null, full, arguments, $"{how}: {full}");
    }

    /// <summary>
    /// How a server starts: a <c>.dll</c> with <c>dotnet</c>, a native executable directly, each with the same arguments
    /// (<c>--urls http://127.0.0.1:PORT</c>, warnings-only logging, <c>--Sample:GitHubRoutes=true</c> for the GitHub
    /// set), then the server's own; in its own directory, in the Production environment.
    /// </summary>
    public ProcessStartInfo StartInfo(int port, bool gitHub)
    {
        var info = new ProcessStartInfo(IsAssembly ? "dotnet" : ProgramPath)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(ProgramPath)!,
        };
        if (IsAssembly)
        {
            info.ArgumentList.Add(ProgramPath);
        }

        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add($"http://127.0.0.1:{port}");
        info.ArgumentList.Add("--Logging:LogLevel:Default=Warning");
        info.ArgumentList.Add("--Logging:LogLevel:Microsoft.Hosting.Lifetime=Warning");
        if (gitHub)
        {
            info.ArgumentList.Add("--Sample:GitHubRoutes=true");
        }

        foreach (var argument in Arguments)
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["DOTNET_ENVIRONMENT"] = "Production";
        info.Environment["DOTNET_TieredPGO"] = "1";
        return info;
    }

    /// <summary>Starts the server on a free port and waits for its first response (see <see cref="ServerProcess.StartAsync"/>).</summary>
    public Task<(ServerProcess? Server, string? Failure)> StartAsync(bool gitHub, string probePath, TimeSpan timeout)
    {
        var port = ServerProcess.FreePort();
        return ServerProcess.StartAsync(StartInfo(port, gitHub), port, probePath, timeout);
    }

    /// <summary>Whether the program runs with <c>dotnet</c> (a <c>.dll</c>) rather than directly.</summary>
    public bool IsAssembly => IsAssemblyPath(ProgramPath);

    private static bool IsAssemblyPath(string path) => path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase);

    private static ServerSpec Built(string name, string kind, string project, string assembly, IReadOnlyList<string> arguments, string description) =>
        new(name, kind, project, Path.Combine(project, "bin", "Release", "net10.0", assembly), arguments, description);
}
