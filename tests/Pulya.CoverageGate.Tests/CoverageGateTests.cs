using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Pulya.CoverageGate.Tests;

/// <summary>
/// The line-coverage gate every library's test project runs after its tests (tests/CoverageGate.targets), run here
/// alone with MSBuild on Cobertura reports written by the test: it passes only when every line of the assembly under
/// test was hit, and fails, naming the numbers, on anything else, including a report that is missing or says nothing
/// about the assembly.
/// </summary>
public sealed class CoverageGateTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("pulya-coverage-gate-").FullName;

    [Fact]
    public async Task Every_line_hit_passes_and_reports_the_line_count()
    {
        var (exitCode, output) = await GateAsync("Pulya.Pooling", Report(("Pulya.Pooling", 100, 0), ("Other", 0, 5)));

        Assert.True(exitCode == 0, output);
        Assert.Contains("Coverage gate: Pulya.Pooling 100% of 100 lines.", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ninety_nine_percent_fails_naming_the_lines_not_hit()
    {
        var (exitCode, output) = await GateAsync("Pulya.Pooling", Report(("Pulya.Pooling", 99, 1)));

        Assert.NotEqual(0, exitCode);
        Assert.Contains("Pulya.Pooling line coverage is 99 of 100 lines, below the required 100% (1 lines not hit", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_run_that_read_zero_hits_fails()
    {
        var (exitCode, output) = await GateAsync("Pulya.Pooling", Report(("Pulya.Pooling", 0, 121)));

        Assert.NotEqual(0, exitCode);
        Assert.Contains("line coverage is 0 of 121 lines", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_report_fails()
    {
        var (exitCode, output) = await GateAsync("Pulya.Pooling", Path.Combine(_directory, "coverage.cobertura.xml"));

        Assert.NotEqual(0, exitCode);
        Assert.Contains("Coverage gate: no coverage report for Pulya.Pooling", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_report_without_the_assembly_under_test_fails()
    {
        var (exitCode, output) = await GateAsync("Pulya.Pooling", Report(("Pulya", 10, 0)));

        Assert.NotEqual(0, exitCode);
        Assert.Contains("module Pulya.Pooling is not in", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_assembly_without_instrumented_lines_fails()
    {
        var (exitCode, output) = await GateAsync("Pulya.Pooling", Report(("Pulya.Pooling", 0, 0)));

        Assert.NotEqual(0, exitCode);
        Assert.Contains("module Pulya.Pooling has no instrumented lines", output, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    /// <summary>A Cobertura report in coverlet's shape: per module one class whose lines were hit or not.</summary>
    private string Report(params (string Module, int Hit, int Missed)[] modules)
    {
        var xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<coverage version=\"1.9\"><packages>");
        foreach (var (module, hit, missed) in modules)
        {
            xml.Append(CultureInfo.InvariantCulture, $"<package name=\"{module}\"><classes><class name=\"{module}.Type\" filename=\"Type.cs\"><methods /><lines>");
            for (var line = 1; line <= hit + missed; line++)
            {
                xml.Append(CultureInfo.InvariantCulture, $"<line number=\"{line}\" hits=\"{(line <= hit ? 3 : 0)}\" branch=\"False\" />");
            }

            xml.Append("</lines></class></classes></package>");
        }

        var path = Path.Combine(_directory, "coverage.cobertura.xml");
        File.WriteAllText(path, xml.Append("</packages></coverage>").ToString());
        return path;
    }

    private static async Task<(int ExitCode, string Output)> GateAsync(string assembly, string report)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            ArgumentList =
            {
                "msbuild", Path.Combine(AppContext.BaseDirectory, "CoverageGate.targets"), "-t:PulyaCoverageGate", "-nologo", "-nodeReuse:false",
                $"-p:PulyaAssemblyUnderTest={assembly}", $"-p:PulyaCoverageReport={report}",
            },
        };
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await error);
    }
}
