using System.Diagnostics;

namespace Pulya.LoadTest.Tests;

/// <summary>The tool itself, started as a process: a bad option is one line on stderr and exit code 2, before any load.</summary>
public sealed class CommandLineTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Theory]
    [InlineData("--server aot", "--server takes NAME=VALUE (a name of letters, digits, '.', '-', '_'), not 'aot'.")]
    [InlineData("--server-args jit=--Pulya:Binder=Generated", "--server-args jit: no --server jit=PATH names that server.")]
    [InlineData("--no-build --peers none --server optimized=Pulya.LoadTest.dll --profiles optimized", "--server optimized: a profile has that name; choose another.")]
    [InlineData("--no-build --profiles none --peers none --server r2r=Pulya.LoadTest.dll --server-profile r2r=fastest", "--server-profile r2r: unknown profile 'fastest'.")]
    [InlineData("--no-build --profiles none --peers none --server aot=missing-binary", "--server aot: no file at ")]
    public async Task A_bad_server_option_exits_2_with_one_line_saying_why(string arguments, string message)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false, WorkingDirectory = AppContext.BaseDirectory };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Pulya.LoadTest.dll"));
        foreach (var argument in arguments.Split(' '))
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(Timeout);

        Assert.Equal(2, process.ExitCode);
        Assert.StartsWith(message, await error, StringComparison.Ordinal);
        Assert.Single((await error).Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Empty(await output);
    }
}
