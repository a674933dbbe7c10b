using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Pulya.Sample;

namespace Pulya.Tests.Sample;

/// <summary>The sample run as its own process, as a user runs it: a start-up failure (an invalid option, a port in use) ends it with one line and exit code 1.</summary>
public sealed class SampleProcessTests
{
    [Theory]
    [InlineData("--Pulya:MaxRequestBodySize=0", "Pulya:MaxRequestBodySize: '0' is out of range; it must be at least 1 (bytes).")]
    [InlineData("--Pulya:HeaderStrategy=99", "Pulya:HeaderStrategy: '99' is not one of First, Last, Warn, Forbid.")]
    [InlineData("--Pulya:RouteCache:Capacity=0", "Pulya:RouteCache:Capacity: '0' is out of range; it must be at least 1 (entries).")]
    [InlineData("--Pulya:Pooling:MaximumRetained=0", "Pulya:Pooling:MaximumRetained: '0' is out of range; it must be at least 1 (objects).")]
    [InlineData("--Kestrel:Limits:MinRequestBodyDataRate:GracePeriod=00:00:10", "Kestrel:Limits:MinRequestBodyDataRate:GracePeriod: '00:00:10' is set without Kestrel:Limits:MinRequestBodyDataRate:BytesPerSecond, which it qualifies; set both, or neither.")]
    public async Task An_invalid_option_ends_the_process_with_exit_code_1_and_one_line(string argument, string message)
    {
        var (exitCode, output, error) = await RunSampleAsync("http://127.0.0.1:0", argument);

        Assert.Equal(1, exitCode);
        Assert.Equal(string.Empty, error);
        Assert.Equal($"crit: Pulya[31] Invalid configuration: {message}", output.TrimEnd('\r', '\n'));
    }

    [Fact]
    public async Task A_port_in_use_ends_the_process_with_exit_code_1_and_one_line_naming_the_address()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var address = $"http://127.0.0.1:{((IPEndPoint)taken.LocalEndpoint).Port}";

        var (exitCode, output, error) = await RunSampleAsync(address);

        Assert.Equal(1, exitCode);
        Assert.Equal(string.Empty, error);
        Assert.Equal($"crit: Pulya[30] The application failed to start: Failed to bind to address {address}: address already in use.", output.TrimEnd('\r', '\n'));
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunSampleAsync(string urls, params string[] arguments)
    {
        var sample = typeof(SampleApp).Assembly.Location;
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = System.IO.Path.GetDirectoryName(sample)!,
        };
        info.ArgumentList.Add(sample);
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add(urls);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["DOTNET_ENVIRONMENT"] = "Production";
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }

        return (process.ExitCode, await output, await error);
    }
}
