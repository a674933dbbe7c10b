namespace Pulya.LoadTest.Tests;

public sealed class ProfileTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "pulya-profiles-" + Guid.NewGuid().ToString("N"));

    public ProfileTests() => Directory.CreateDirectory(_directory);

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void The_Pulya_section_becomes_command_line_settings_of_the_sample()
    {
        var file = Write("trie", """
            {
              // comments are allowed, as in appsettings.json
              "Description": "baseline + the Trie router.",
              "Pulya": { "Router": "Trie", "RouteCache": { "Enabled": false }, "Pooling": { "Enabled": true, "MaximumRetained": 1024 } }
            }
            """);

        var spec = ServerSpec.Profile("/repo", file);

        Assert.Equal(("trie", ServerSpec.ProfileKind, "baseline + the Trie router."), (spec.Name, spec.Kind, spec.Description));
        Assert.Equal(["--Pulya:Pooling:Enabled=True", "--Pulya:Pooling:MaximumRetained=1024", "--Pulya:RouteCache:Enabled=False", "--Pulya:Router=Trie"], spec.Arguments);
        Assert.Equal(Path.Combine("/repo", "samples", "Pulya.Sample", "bin", "Release", "net10.0", "Pulya.Sample.dll"), spec.ProgramPath);
    }

    [Fact]
    public void The_Sample_section_becomes_settings_of_the_sample_too()
    {
        var file = Write("slim", """{ "Sample": { "SlimBuilder": true }, "Pulya": { "Router": "Trie" } }""");

        Assert.Equal(["--Pulya:Router=Trie", "--Sample:SlimBuilder=True"], ServerSpec.Profile("/repo", file).Arguments);
    }

    [Fact]
    public void Anything_but_a_description_and_the_Pulya_and_Sample_sections_is_refused()
    {
        var file = Write("odd", """{ "args": ["--Pulya:Router=Trie"] }""");

        Assert.Contains("args", Assert.Throws<InvalidDataException>(() => ServerSpec.Profile("/repo", file)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_profile_of_the_repository_loads()
    {
        var profiles = Directory.GetFiles(Path.Combine(Root(), "bench", "profiles"), "*.json");

        Assert.Contains(profiles, p => Path.GetFileName(p) == "baseline.json");
        Assert.All(profiles, p => Assert.NotEmpty(ServerSpec.Profile(Root(), p).Arguments));
    }

    [Fact]
    public void The_baseline_profile_is_the_core_defaults()
    {
        var baseline = ServerSpec.Profile(Root(), Path.Combine(Root(), "bench", "profiles", "baseline.json"));

        Assert.Equal(["--Pulya:Pooling:Enabled=False", "--Pulya:RouteCache:Enabled=False", "--Pulya:Router=Linear", "--Pulya:Serializer=SystemTextJson"], baseline.Arguments);
    }

    private string Write(string name, string json)
    {
        var file = Path.Combine(_directory, name + ".json");
        File.WriteAllText(file, json);
        return file;
    }

    private static string Root()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Pulya.sln")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException("Pulya.sln not found.");
    }
}
