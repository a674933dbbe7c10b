namespace Pulya.LoadTest.Tests;

/// <summary><c>--server NAME=PATH</c> and <c>--server-args</c>: already-built programs beside the profiles and peers.</summary>
public sealed class ServerOptionTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "pulya-servers-" + Guid.NewGuid().ToString("N"));

    public ServerOptionTests() => Directory.CreateDirectory(_directory);

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Servers_are_named_programs_with_their_own_arguments()
    {
        var options = LoadTestOptions.Parse(["--server", "raw-kestrel-aot=/p/Pulya.Peers.RawKestrel", "--server", "r2r=/p/Pulya.Sample.dll", "--server-args", "r2r=--Pulya:Router=Trie  --Pulya:Binder=Generated"]);

        Assert.Equal([("raw-kestrel-aot", "/p/Pulya.Peers.RawKestrel"), ("r2r", "/p/Pulya.Sample.dll")], options.Servers);
        Assert.Equal(["--Pulya:Router=Trie", "--Pulya:Binder=Generated"], options.ServerArguments["r2r"]);
        Assert.False(options.ServerArguments.ContainsKey("raw-kestrel-aot"));
    }

    [Theory]
    [InlineData("aot")]
    [InlineData("=/p/server")]
    [InlineData("aot=")]
    [InlineData("a b=/p/server")]
    public void A_server_that_is_not_NAME_eq_PATH_is_refused(string value)
    {
        var error = Assert.Throws<ArgumentException>(() => LoadTestOptions.Parse(["--server", value]));

        Assert.Contains("--server takes NAME=VALUE", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("raw-kestrel")]
    [InlineData("aot")]
    public void A_name_a_peer_or_an_earlier_server_has_is_refused(string name)
    {
        var error = Assert.Throws<ArgumentException>(() => LoadTestOptions.Parse(["--server", "aot=/p/one", "--server", name + "=/p/two"]));

        Assert.Contains($"--server {name}: the name is already taken", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Arguments_for_a_server_nobody_named_are_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => LoadTestOptions.Parse(["--server", "aot=/p/one", "--server-args", "jit=--Pulya:Binder=Generated"]));

        Assert.Equal("--server-args jit: no --server jit=PATH names that server.", error.Message);
    }

    [Fact]
    public void A_server_can_take_a_profiles_arguments()
    {
        var options = LoadTestOptions.Parse(["--server", "r2r=/p/Pulya.Sample.dll", "--server-profile", "r2r=optimized"]);

        Assert.Equal("optimized", options.ServerProfiles["r2r"]);
    }

    [Fact]
    public void A_profile_for_a_server_nobody_named_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => LoadTestOptions.Parse(["--server-profile", "r2r=optimized"]));

        Assert.Equal("--server-profile r2r: no --server r2r=PATH names that server.", error.Message);
    }

    [Fact]
    public void A_server_without_its_path_is_refused()
    {
        Assert.Equal("--server needs a value.", Assert.Throws<ArgumentException>(() => LoadTestOptions.Parse(["--server"])).Message);
    }

    [Fact]
    public void Profiles_none_runs_no_profile()
    {
        Assert.Empty(LoadTestOptions.Parse(["--profiles", "none"]).Profiles!);
    }

    [Fact]
    public void An_assembly_runs_with_dotnet_and_the_arguments_every_server_gets()
    {
        var spec = ServerSpec.Server("r2r", Touch("Pulya.Sample.dll"), ["--Pulya:Binder=Generated"]);

        var info = spec.StartInfo(5123, gitHub: true);

        Assert.Equal((ServerSpec.ServerKind, null), (spec.Kind, spec.Project));
        Assert.Equal("dotnet", info.FileName);
        Assert.Equal([spec.ProgramPath, "--urls", "http://127.0.0.1:5123", "--Logging:LogLevel:Default=Warning", "--Logging:LogLevel:Microsoft.Hosting.Lifetime=Warning", "--Sample:GitHubRoutes=true", "--Pulya:Binder=Generated"], info.ArgumentList);
        Assert.Equal(_directory, info.WorkingDirectory);
    }

    [Fact]
    public void A_native_executable_runs_directly_with_the_same_arguments()
    {
        var spec = ServerSpec.Server("aot", Touch("Pulya.Peers.RawKestrel", 3 * 512 * 1024), []);

        var info = spec.StartInfo(5124, gitHub: false);

        Assert.Equal(spec.ProgramPath, info.FileName);
        Assert.Equal(["--urls", "http://127.0.0.1:5124", "--Logging:LogLevel:Default=Warning", "--Logging:LogLevel:Microsoft.Hosting.Lifetime=Warning"], info.ArgumentList);
        Assert.Equal($"native executable, 1.5 MB: {spec.ProgramPath}", spec.Description);
    }

    [Fact]
    public void A_profile_runs_its_built_sample_with_dotnet()
    {
        var spec = ServerSpec.Peer("/repo", ServerSpec.RawKestrel);

        var info = spec.StartInfo(5125, gitHub: false);

        Assert.Equal("dotnet", info.FileName);
        Assert.Equal(Path.Combine("/repo", "bench", "Pulya.Peers.RawKestrel"), spec.Project);
        Assert.Equal(Path.Combine("/repo", "bench", "Pulya.Peers.RawKestrel", "bin", "Release", "net10.0", "Pulya.Peers.RawKestrel.dll"), info.ArgumentList[0]);
    }

    [Fact]
    public void A_server_whose_file_does_not_exist_is_refused_with_its_path()
    {
        var missing = Path.Combine(_directory, "missing");

        var error = Assert.Throws<FileNotFoundException>(() => ServerSpec.Server("aot", missing, []));

        Assert.Equal($"--server aot: no file at {missing} (publish or build it first).", error.Message);
    }

    [Fact]
    public async Task A_file_that_cannot_be_executed_is_an_unavailable_server_not_a_crash()
    {
        var spec = ServerSpec.Server("aot", Touch("not-a-program"), []);

        var (server, failure) = await spec.StartAsync(gitHub: false, "/", TimeSpan.FromSeconds(30));

        Assert.Null(server);
        Assert.StartsWith($"could not start {spec.ProgramPath}", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unavailable_server_makes_the_run_unusable()
    {
        var results = RunData.Results([], servers: [RunData.Server("optimized", ServerSpec.ProfileKind, true), RunData.Server("pulya-aot", ServerSpec.ServerKind, false)], measurements: [RunData.Run("optimized")]);

        Assert.Contains("server 'pulya-aot' unavailable", Assert.Single(RunVerdict.Problems(results)), StringComparison.Ordinal);
    }

    private string Touch(string name, int bytes = 0)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllBytes(path, new byte[bytes]);
        return path;
    }
}
