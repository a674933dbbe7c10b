using System.Diagnostics;
using Pulya.Hosting;
using Pulya.Sample;
using Pulya.Testing;

namespace Pulya.OpenApi.Tests;

/// <summary>
/// Swagger UI in a real browser: headless Chromium (Debian's <c>chromium</c>, installed by .ci/run) loads the sample's
/// page from Kestrel, with every network feature of its own off, and the rendered page lists the sample's operations.
/// </summary>
public sealed class SwaggerUiBrowserTests
{
    [Fact]
    public async Task The_page_loads_in_a_browser_and_lists_the_sample_operations()
    {
        var builder = PulyaApplication.CreateBuilder([]).UseTestTransport(TestTransport.Kestrel);
        SampleApp.ConfigureServices(builder);
        var app = builder.Build();
        SampleApp.UseAspNetCore(app);
        SampleApp.MapApi(app);
        app.MapGet("/json", () => new HelloMessage(SampleApp.PlainText));
        SampleApp.MapDocumentation(app);
        await using var client = await PulyaTestClient.StartAsync(app);

        var dom = await DumpDomAsync(new Uri(client.BaseAddress!, "/swagger"));

        Assert.Contains("Pulya sample", dom, StringComparison.Ordinal);
        Assert.Contains("/api/users/{id}", dom, StringComparison.Ordinal);
        Assert.Contains("/api/users", dom, StringComparison.Ordinal);
        Assert.Contains("/json", dom, StringComparison.Ordinal);
        Assert.Contains("opblock-summary-method", dom, StringComparison.Ordinal);
    }

    private static async Task<string> DumpDomAsync(Uri page)
    {
        var profile = Directory.CreateTempSubdirectory("pulya-chromium-");
        try
        {
            var start = new ProcessStartInfo(Chromium())
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in new[]
            {
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run",
                "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile.FullName,
                "--virtual-time-budget=30000", "--dump-dom", page.ToString(),
            })
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2)); // a hang guard, not a measurement
            await process.WaitForExitAsync(timeout.Token);
            Assert.True(process.ExitCode == 0, await errors);
            return await output;
        }
        finally
        {
            profile.Delete(recursive: true);
        }
    }

    /// <summary>Debian's chromium; the test fails (it is not skipped) when it is missing.</summary>
    private static string Chromium()
    {
        var path = new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser" }.FirstOrDefault(File.Exists);
        Assert.True(path is not null, "Chromium is needed for the Swagger UI test: apt-get install -y chromium (.ci/run installs it).");
        return path;
    }
}
