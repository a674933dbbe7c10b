using System.Text.Json.Nodes;

namespace Pulya.Sample.Aot.Tests;

/// <summary>
/// The <c>Pulya.Routing.RegexConstraint.IsSupported</c> feature switch, set in an application's runtime configuration (as
/// <c>RuntimeHostConfigurationOption</c> writes it): the AOT sample maps a route with a <c>regex</c> constraint, so with the
/// switch off it must refuse to start, naming the constraint and the switch, and with it on serve the route. The sample runs
/// under the JIT here (the switch read at run time, as in a native binary published without <c>Trim="true"</c>), so no
/// publish is needed.
/// </summary>
public sealed class RegexSwitchTests
{
    [Fact]
    public async Task A_regex_route_is_refused_at_start_up_when_the_switch_is_off()
    {
        var (exitCode, output) = await WithSwitchAsync(false, (sample, args) =>
            // A switch that is not honoured leaves a server listening: killed after two minutes, and the test fails.
            NativeSample.RunAsync("dotnet", [.. args, "--urls", $"http://127.0.0.1:{NativeSample.FreePort()}"], sample, TimeSpan.FromMinutes(2)));

        Assert.NotEqual(0, exitCode);
        Assert.Contains("'regex(", output, StringComparison.Ordinal);
        Assert.Contains("Pulya.Routing.RegexConstraint.IsSupported=false", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_regex_route_is_served_when_the_switch_is_on()
    {
        var answer = await WithSwitchAsync(true, async (sample, args) =>
        {
            using var running = await NativeSample.StartProcessAsync("dotnet", args, sample);
            return await running.Client.GetStringAsync(new Uri("/tickets/abc-12", UriKind.Relative));
        });

        Assert.Equal("ticket abc-12", answer);
    }

    /// <summary>Runs the sample's JIT build with its runtime configuration and the switch set to <paramref name="supported"/>.</summary>
    private static async Task<T> WithSwitchAsync<T>(bool supported, Func<string, string[], Task<T>> run)
    {
        var sample = SampleDirectory();
        var config = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(sample, "Pulya.Sample.Aot.runtimeconfig.json")))!;
        var properties = config["runtimeOptions"]!["configProperties"] ??= new JsonObject();
        properties["Pulya.Routing.RegexConstraint.IsSupported"] = supported;
        var runtimeConfig = Path.Combine(Path.GetTempPath(), $"pulya-regex-switch-{Guid.NewGuid():N}.runtimeconfig.json");
        await File.WriteAllTextAsync(runtimeConfig, config.ToJsonString());
        try
        {
            return await run(sample, ["exec", "--runtimeconfig", runtimeConfig, Path.Combine(sample, "Pulya.Sample.Aot.dll")]);
        }
        finally
        {
            File.Delete(runtimeConfig);
        }
    }

    private static string SampleDirectory()
    {
        // tests/Pulya.Sample.Aot.Tests/bin/<Configuration>/net10.0/ → samples/Pulya.Sample.Aot/bin/<Configuration>/net10.0/
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var root = Path.GetFullPath(Path.Combine(testOutput.FullName, "../../../../.."));
        return Path.Combine(root, "samples/Pulya.Sample.Aot/bin", testOutput.Parent!.Name, testOutput.Name);
    }
}
