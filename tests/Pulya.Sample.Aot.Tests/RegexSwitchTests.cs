using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;

namespace Pulya.Sample.Aot.Tests;

/// <summary>
/// The <c>Pulya.Routing.RegexConstraint.IsSupported</c> feature switch, set in an application's runtime configuration (as
/// <c>RuntimeHostConfigurationOption</c> writes it): the AOT sample maps a route with a <c>regex</c> constraint, so with the
/// switch off it must refuse to start, naming the constraint and the switch. The sample runs under the JIT here (a switch
/// read at run time, the same code path as a native binary published without <c>Trim="true"</c>), so no publish is needed.
/// </summary>
public sealed class RegexSwitchTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_regex_route_starts_only_when_the_switch_allows_it(bool supported)
    {
        var sample = SampleDirectory();
        var config = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(sample, "Pulya.Sample.Aot.runtimeconfig.json")))!;
        var properties = config["runtimeOptions"]!["configProperties"] ??= new JsonObject();
        properties["Pulya.Routing.RegexConstraint.IsSupported"] = supported;
        var runtimeConfig = Path.Combine(Path.GetTempPath(), $"pulya-regex-switch-{Guid.NewGuid():N}.runtimeconfig.json");
        await File.WriteAllTextAsync(runtimeConfig, config.ToJsonString());
        try
        {
            var port = FreePort();
            var start = new ProcessStartInfo("dotnet", ["exec", "--runtimeconfig", runtimeConfig, Path.Combine(sample, "Pulya.Sample.Aot.dll"),
                "--urls", $"http://127.0.0.1:{port}"])
            {
                WorkingDirectory = sample,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (supported)
            {
                // Started: the regex route answers (and the server runs until stopped).
                try
                {
                    Assert.Equal("ticket abc-12", await FirstAnswerAsync(process, port, "/tickets/abc-12"));
                }
                finally
                {
                    process.Kill(entireProcessTree: true);
                    await process.WaitForExitAsync().WaitAsync(Timeout);
                }
            }
            else
            {
                try
                {
                    await process.WaitForExitAsync().WaitAsync(Timeout);
                }
                finally
                {
                    // A switch that is not honoured leaves a listening server behind: never leak it.
                    if (!process.HasExited)
                    {
                        process.Kill(entireProcessTree: true);
                    }
                }

                var output = await stdout + await stderr;
                Assert.NotEqual(0, process.ExitCode);
                Assert.Contains("'regex(", output, StringComparison.Ordinal);
                Assert.Contains("Pulya.Routing.RegexConstraint.IsSupported=false", output, StringComparison.Ordinal);
            }
        }
        finally
        {
            File.Delete(runtimeConfig);
        }
    }

    private static async Task<string> FirstAnswerAsync(Process process, int port, string path)
    {
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        var deadline = DateTime.UtcNow + Timeout;
        while (true)
        {
            Assert.False(process.HasExited, "the sample exited instead of serving");
            try
            {
                return await client.GetStringAsync(new Uri(path, UriKind.Relative));
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string SampleDirectory()
    {
        // tests/Pulya.Sample.Aot.Tests/bin/<Configuration>/net10.0/ → samples/Pulya.Sample.Aot/bin/<Configuration>/net10.0/
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var root = Path.GetFullPath(Path.Combine(testOutput.FullName, "../../../../.."));
        return Path.Combine(root, "samples/Pulya.Sample.Aot/bin", testOutput.Parent!.Name, testOutput.Name);
    }
}
