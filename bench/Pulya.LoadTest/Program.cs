using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using Pulya.LoadTest;
using Pulya.LoadTest.Soak;

LoadTestOptions options;
try
{
    options = LoadTestOptions.Parse(args);
}
catch (Exception ex) when (ex is ArgumentException or FormatException)
{
    Console.Error.WriteLine(ex.Message);
    return 2;
}

if (options.Help)
{
    Console.WriteLine(LoadTestOptions.Usage);
    return 0;
}

var root = FindRoot(Directory.GetCurrentDirectory()) ?? FindRoot(AppContext.BaseDirectory)
    ?? throw new InvalidOperationException("Run inside the repository: Pulya.sln was not found above the current directory.");

if (options.From is not null)
{
    var earlier = JsonSerializer.Deserialize<RunResults>(await File.ReadAllTextAsync(options.From))
        ?? throw new InvalidDataException($"{options.From} holds no results.");
    var directory = Path.GetDirectoryName(Path.GetFullPath(options.From))!;
    var measuredScenarios = Scenario.All(root).Where(s => earlier.Summaries.Any(m => m.Scenario == s.Name)).ToList();
    var measuredServers = earlier.Servers.Where(s => s.Available).Select(s => s.Name).ToList();
    await File.WriteAllTextAsync(Path.Combine(directory, "chart.svg"), LoadChart.Render(earlier, measuredServers, [.. measuredScenarios.Select(s => s.Name)]));
    await File.WriteAllTextAsync(Path.Combine(directory, "report.md"), Report.Markdown(earlier, [], measuredScenarios, "chart.svg"));
    Console.WriteLine($"Rewrote {Path.Combine(directory, "report.md")} and chart.svg from {options.From}.");
    return options.CheckGates is null ? 0 : PrintCheck(Report.Check(earlier, options.CheckGates)) ? 0 : 1;
}

if (options.ScenarioHeaders is not null)
{
    if (Scenario.All(root).FirstOrDefault(s => s.Name == options.ScenarioHeaders) is not { } scenario)
    {
        Console.Error.WriteLine($"Unknown scenario '{options.ScenarioHeaders}'.");
        return 2;
    }

    Console.WriteLine(string.Join('\n', (scenario.Headers ?? []).Select(h => $"{h.Key}: {h.Value}")));
    return 0;
}

var profileFiles = Directory.GetFiles(Path.Combine(root, "bench", "profiles"), "*.json").OrderBy(f => Order(Path.GetFileNameWithoutExtension(f))).ThenBy(f => f, StringComparer.Ordinal).ToList();
if (options.ProfileArguments is not null)
{
    var file = profileFiles.FirstOrDefault(f => Path.GetFileNameWithoutExtension(f) == options.ProfileArguments);
    if (file is null)
    {
        Console.Error.WriteLine($"Unknown profile '{options.ProfileArguments}'.");
        return 2;
    }

    Console.WriteLine(string.Join('\n', ServerSpec.Profile(root, file).Arguments));
    return 0;
}

var unknown = options.Profiles?.Where(p => !profileFiles.Any(f => Path.GetFileNameWithoutExtension(f) == p)).ToList();
if (unknown is { Count: > 0 })
{
    Console.Error.WriteLine($"Unknown profile(s): {string.Join(", ", unknown)}. Profiles: {string.Join(", ", profileFiles.Select(Path.GetFileNameWithoutExtension))}.");
    return 2;
}

var servers = new List<ServerSpec>();
try
{
    servers.AddRange(profileFiles.Where(f => options.Profiles is null || options.Profiles.Contains(Path.GetFileNameWithoutExtension(f))).Select(f => ServerSpec.Profile(root, f)));
}
catch (Exception ex) when (ex is InvalidDataException or FormatException or IOException)
{
    Console.Error.WriteLine(ex.Message);
    return 2;
}

var taken = options.Servers.Select(s => s.Name).FirstOrDefault(n => servers.Any(s => s.Name == n));
if (taken is not null)
{
    Console.Error.WriteLine($"--server {taken}: a profile has that name; choose another.");
    return 2;
}

try
{
    servers.AddRange(options.Peers.Select(p => ServerSpec.Peer(root, p)));
    foreach (var (name, path) in options.Servers)
    {
        IReadOnlyList<string> profileArguments = [];
        if (options.ServerProfiles.TryGetValue(name, out var profile))
        {
            var file = profileFiles.FirstOrDefault(f => Path.GetFileNameWithoutExtension(f) == profile)
                ?? throw new ArgumentException($"--server-profile {name}: unknown profile '{profile}'. Profiles: {string.Join(", ", profileFiles.Select(Path.GetFileNameWithoutExtension))}.");
            profileArguments = ServerSpec.Profile(root, file).Arguments;
        }

        servers.Add(ServerSpec.Server(name, path, [.. profileArguments, .. options.ServerArguments.GetValueOrDefault(name) ?? []]));
    }
}
catch (Exception ex) when (ex is ArgumentException or IOException or InvalidDataException or FormatException)
{
    Console.Error.WriteLine(ex.Message);
    return 2;
}

var allScenarios = Scenario.All(root);
var unknownScenarios = options.Scenarios?.Where(s => allScenarios.All(a => a.Name != s)).ToList();
if (unknownScenarios is { Count: > 0 })
{
    Console.Error.WriteLine($"Unknown scenario(s): {string.Join(", ", unknownScenarios)}. Scenarios: {string.Join(", ", allScenarios.Select(s => s.Name))}.");
    return 2;
}

var scenarios = allScenarios.Where(s => options.Scenarios is null || options.Scenarios.Contains(s.Name)).ToList();

ILoadClient client;
var wrk = WrkClient.Find();
if (options.Client == "wrk" && wrk is null)
{
    Console.Error.WriteLine("wrk is not installed: run bench/install-wrk.sh (apt-get install -y wrk) or use --client builtin.");
    return 2;
}

client = options.Client == "builtin" || wrk is null ? new BuiltInClient() : new WrkClient(wrk);

if (options.Build)
{
    foreach (var project in servers.Select(s => s.Project).OfType<string>().Distinct())
    {
        Console.WriteLine($"Building {Path.GetRelativePath(root, project)} (Release)…");
        using var build = Process.Start(new ProcessStartInfo("dotnet", ["build", project, "-c", "Release", "--nologo", "-v", "q"]) { RedirectStandardOutput = true, UseShellExecute = false })!;
        var output = await build.StandardOutput.ReadToEndAsync();
        await build.WaitForExitAsync();
        if (build.ExitCode != 0)
        {
            Console.Error.WriteLine(output);
            return 1;
        }
    }
}

if (options.SoakDuration is not null)
{
    return await SoakMode.RunAsync(root, options, servers);
}

var started = DateTimeOffset.UtcNow;
var outputDirectory = options.Output ?? Path.Combine(root, "bench", "results", started.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture));
Directory.CreateDirectory(outputDirectory);
var work = Path.Combine(Path.GetTempPath(), $"pulya-loadtest-{Environment.ProcessId}");

Console.WriteLine($"Client {client.Name}; {options.Rounds} round(s) × {servers.Count} server(s) × {scenarios.Count} scenario(s) × {options.Modes.Count} mode(s); "
    + $"{options.Connections} connections, {options.Duration} s measured after {options.Warmup} s warm-up; results in {outputDirectory}");
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

var runner = new Runner(options, client, servers, scenarios, work);
try
{
    await runner.RunAsync(cancel.Token);
}
catch (OperationCanceledException)
{
    Console.WriteLine("Cancelled: writing what was measured.");
}
finally
{
    if (Directory.Exists(work))
    {
        Directory.Delete(work, recursive: true);
    }
}

var results = new RunResults(
    started,
    Machine(),
    new Dictionary<string, string>
    {
        ["client"] = client.Name,
        ["connections"] = options.Connections.ToString(CultureInfo.InvariantCulture),
        ["threads"] = options.Threads.ToString(CultureInfo.InvariantCulture),
        ["duration s"] = options.Duration.ToString(CultureInfo.InvariantCulture),
        ["warm-up s"] = options.Warmup.ToString(CultureInfo.InvariantCulture),
        ["rounds"] = options.Rounds.ToString(CultureInfo.InvariantCulture),
        ["depth"] = options.Depth.ToString(CultureInfo.InvariantCulture),
        ["counters"] = options.Counters,
        ["command"] = "dotnet run -c Release --project bench/Pulya.LoadTest -- " + string.Join(' ', args),
    },
    [.. servers.Select(s => new ServerInfo(s.Name, s.Kind, s.Description, s.Arguments, !runner.Failures.ContainsKey(s.Name), runner.Failures.GetValueOrDefault(s.Name)))],
    runner.Startups,
    runner.Measurements,
    Runner.Summarize(runner.Measurements));

var available = servers.Where(s => !runner.Failures.ContainsKey(s.Name)).Select(s => s.Name).ToList();
await File.WriteAllTextAsync(Path.Combine(outputDirectory, "results.json"), JsonSerializer.Serialize(results, new JsonSerializerOptions { WriteIndented = true, IncludeFields = true }));
await File.WriteAllTextAsync(Path.Combine(outputDirectory, "chart.svg"), LoadChart.Render(results, available, [.. scenarios.Select(s => s.Name)]));
await File.WriteAllTextAsync(Path.Combine(outputDirectory, "report.md"), Report.Markdown(results, servers, scenarios, "chart.svg"));
Console.WriteLine($"Wrote {Path.Combine(outputDirectory, "report.md")}, results.json and chart.svg.");

foreach (var failure in runner.Failures)
{
    Console.WriteLine($"Unavailable: {failure.Key} — {failure.Value}");
}

var problems = RunVerdict.Problems(results);
foreach (var problem in problems)
{
    Console.Error.WriteLine("FAILED: " + problem);
}

var checkPassed = options.CheckGates is null || PrintCheck(Report.Check(results, options.CheckGates));
Console.WriteLine(problems.Count == 0
    ? $"{results.Measurements.Count} runs, every profile available, every answer 2xx ({available.Count} of {servers.Count} servers available)."
    : $"{problems.Count} problem(s): the figures of this run cannot be used.");
return problems.Count == 0 && checkPassed ? 0 : 1;

static bool PrintCheck(CheckResult check)
{
    Console.WriteLine();
    Console.WriteLine(check.Text);
    foreach (var failure in check.Failures)
    {
        Console.Error.WriteLine("CHECK FAILED: " + failure);
    }

    Console.WriteLine(check.Passed ? "Success metrics: every gated target met." : $"Success metrics: {check.Failures.Count} gated target(s) missed or not measured.");
    return check.Passed;
}

static string? FindRoot(string start)
{
    for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "Pulya.sln")))
        {
            return dir.FullName;
        }
    }

    return null;
}

static int Order(string profile) => profile switch
{
    Report.Baseline => 0,
    Report.Optimized => 1,
    _ => 2,
};

static Dictionary<string, string> Machine()
{
    var cpu = File.Exists("/proc/cpuinfo")
        ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
        : null;
    return new Dictionary<string, string>
    {
        ["cpu"] = cpu ?? RuntimeInformation.ProcessArchitecture.ToString(),
        ["cores"] = Environment.ProcessorCount.ToString(CultureInfo.InvariantCulture),
        ["os"] = RuntimeInformation.OSDescription,
        ["runtime"] = RuntimeInformation.FrameworkDescription,
    };
}
