using System.Diagnostics;
using Pulya.Sample;

namespace Pulya.Tests.Sample;

/// <summary>The sample run as its own process, as a user runs it: an invalid option ends it with one line and exit code 1.</summary>
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
        info.ArgumentList.Add("http://127.0.0.1:0");
        info.ArgumentList.Add(argument);
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

        Assert.Equal(1, process.ExitCode);
        Assert.Equal(string.Empty, await error);
        Assert.Equal($"crit: Pulya[31] Invalid configuration: {message}", (await output).TrimEnd('\r', '\n'));
    }
}
