using System.Reflection;
using System.Text.Json.Nodes;
using Pulya.Advisor.Hosting;

namespace Pulya.Advisor.Tests;

/// <summary>
/// The advisor against real applications, each run as its own process on 127.0.0.1 per candidate, with a budget of a
/// few seconds: the sample, and a tiny application one of whose modules changes an answer.
/// </summary>
public sealed class EndToEndTests : IDisposable
{
    private readonly string _output = Path.Combine(Path.GetTempPath(), $"pulya-advisor-test-{Guid.NewGuid():N}");

    private static string Root { get; } = FindRoot();

    private static string Configuration =>
        typeof(EndToEndTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration;

    public void Dispose()
    {
        if (Directory.Exists(_output))
        {
            Directory.Delete(_output, recursive: true);
        }
    }

    [Fact]
    public async Task A_candidate_that_changes_an_answer_is_excluded_and_never_measured_or_recommended()
    {
        var (code, log, advice) = await AdviseAsync(Built("tests/Pulya.Advisor.TestApp", "Pulya.Advisor.TestApp.dll"), "--counters", "off", "--rounds", "1");

        Assert.True(code == 0, log);
        Assert.Contains("check Router=Trie: same answers as the defaults", log, StringComparison.Ordinal);
        Assert.Contains("check Rounding:Enabled=true: EXCLUDED", log, StringComparison.Ordinal);
        var rounding = advice["Checks"]!.AsArray().Single(c => (string?)c!["Candidate"] == "Rounding:Enabled=true")!;
        Assert.False((bool)rounding["Passed"]!);
        Assert.Contains("GET /prices/{id:int}: JSON body", (string?)rounding["Differences"]![0], StringComparison.Ordinal);
        Assert.DoesNotContain(advice["Samples"]!.AsArray(), s => (string?)s!["Candidate"] == "Rounding:Enabled=true");
        Assert.NotEqual("Rounding:Enabled=true", (string?)advice["Verdict"]!["Recommended"]);
        Assert.Contains("| Rounding:Enabled=true | **differ: excluded** |", await File.ReadAllTextAsync(Path.Combine(_output, "advice.md")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_short_run_on_the_sample_measures_the_defaults_and_a_switch_in_interleaved_rounds_and_writes_the_report()
    {
        var (code, log, advice) = await AdviseAsync(Built("samples/Pulya.Sample", "Pulya.Sample.dll"), "--only", "Router", "--rounds", "2", "--counter-interval", "0.25");

        Assert.True(code == 0, log);
        Assert.Equal(
            [("defaults", 1), ("Router=Trie", 1), ("defaults", 2), ("Router=Trie", 2)],
            advice["Samples"]!.AsArray().Select(s => ((string)s!["Candidate"]!, (int)s["Round"]!)));
        Assert.All(advice["Samples"]!.AsArray(), s =>
        {
            Assert.True((double)s!["RequestsPerSecond"]! > 0);
            Assert.True((double)s["AllocatedBytesPerRequest"]! > 0);
            Assert.True((double)s["FirstResponseMs"]! > 0);
        });

        // The /api routes need a bearer token: the defaults answer 401, so they are checked but not timed.
        var api = advice["Mix"]!.AsArray().Single(m => (string?)m!["Label"] == "POST /api/users")!;
        Assert.Equal((401, false), ((int)api["Status"]!, (bool)api["Timed"]!));
        Assert.Contains(advice["Mix"]!.AsArray(), m => (string?)m!["Label"] == "POST /echo" && (bool)m["Timed"]!);

        var markdown = await File.ReadAllTextAsync(Path.Combine(_output, "advice.md"));
        Assert.Contains("**Recommendation: ", markdown, StringComparison.Ordinal);
        Assert.Contains("## appsettings.json", markdown, StringComparison.Ordinal);
        Assert.Contains("<path d=\"M", await File.ReadAllTextAsync(Path.Combine(_output, "advice.svg")), StringComparison.Ordinal);
        Assert.Contains("[4/4] round 2 Router=Trie", log, StringComparison.Ordinal);
    }

    private async Task<(int Code, string Log, JsonNode Advice)> AdviseAsync(string assembly, params string[] arguments)
    {
        var options = AdvisorOptions.Parse(["advise", "--project", assembly, "--duration", "0.4", "--warmup", "0.2", "--connections", "8", "--output", _output, .. arguments]);
        using var log = new StringWriter();
        var code = await Advice.RunAsync(options, new Application(assembly, []), new BuiltInClient(), log, CancellationToken.None);
        return (code, log.ToString(), JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(_output, "advice.json")))!);
    }

    private static string Built(string project, string assembly) => Path.Combine(Root, project, "bin", Configuration, "net10.0", assembly);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Pulya.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Pulya.sln not found above the test output.");
    }
}
