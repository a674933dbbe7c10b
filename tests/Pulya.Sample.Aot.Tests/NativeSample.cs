using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Pulya.Sample.Aot.Tests;

/// <summary>Publishes the AOT sample once per test run (<c>dotnet publish -c Release -r linux-x64 -p:PublishAot=true</c>) and starts the native binary.</summary>
public sealed class NativeSample : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(15);

    /// <summary>The test collection that shares one publish.</summary>
    public const string Collection = "native sample";

    public static bool Enabled => Environment.GetEnvironmentVariable("PULYA_AOT_E2E") == "1";

    /// <summary>The published binary.</summary>
    public string Binary { get; private set; } = string.Empty;

    /// <summary>What the publish printed, for the zero-warnings check.</summary>
    public string PublishOutput { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        if (!Enabled)
        {
            return;
        }

        var root = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../.."));
        var output = Path.Combine(Path.GetTempPath(), "pulya-aot-" + Guid.NewGuid().ToString("N"));
        var (exit, text) = await RunAsync("dotnet", ["publish", Path.Combine(root, "samples/Pulya.Sample.Aot"), "-c", "Release", "-r", "linux-x64", "-p:PublishAot=true", "-o", output,
            // No build servers or reused nodes: they would outlive the publish holding its output pipes open.
            "-nodeReuse:false", "-p:UseSharedCompilation=false"]);
        Assert.True(exit == 0, text);
        PublishOutput = text;
        Binary = Path.Combine(output, "Pulya.Sample.Aot");
    }

    public Task DisposeAsync()
    {
        if (Binary.Length > 0)
        {
            Directory.Delete(Path.GetDirectoryName(Binary)!, recursive: true);
        }

        return Task.CompletedTask;
    }

    /// <summary>Starts the binary on a free loopback port and waits until it reports that it started.</summary>
    public Task<RunningSample> StartAsync(params string[] args) => StartProcessAsync(Binary, args);

    /// <summary>
    /// Starts <paramref name="file"/> with <paramref name="args"/> on a free loopback port (in <paramref name="workingDirectory"/>
    /// if given) and waits until the host reports that it started; fails with its standard error if it exits first.
    /// </summary>
    internal static async Task<RunningSample> StartProcessAsync(string file, string[] args, string? workingDirectory = null)
    {
        var port = FreePort();
        var process = Process.Start(new ProcessStartInfo(file, [.. args, "--urls", $"http://127.0.0.1:{port}"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory ?? string.Empty,
        })!;
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data?.Contains("Application started", StringComparison.Ordinal) == true)
            {
                started.TrySetResult();
            }
        };
        process.BeginOutputReadLine();
        await Task.WhenAny(started.Task, process.WaitForExitAsync()).WaitAsync(TimeSpan.FromSeconds(30));
        if (!started.Task.IsCompleted)
        {
            Assert.Fail("The sample did not start: " + await process.StandardError.ReadToEndAsync());
        }

        return new RunningSample(process, new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") });
    }

    /// <summary>Runs the binary until it exits; its exit code and standard error.</summary>
    public async Task<(int ExitCode, string Output)> RunToExitAsync(params string[] args) => await RunAsync(Binary, ["--urls", $"http://127.0.0.1:{FreePort()}", .. args]);

    /// <summary>Runs the binary with <paramref name="args"/> only (a command such as <c>mint-token</c>); its exit code and output.</summary>
    public async Task<(int ExitCode, string Output)> RunCommandAsync(params string[] args) => await RunAsync(Binary, args);

    /// <summary>
    /// Runs <paramref name="file"/> until it exits (in <paramref name="workingDirectory"/> if given); its exit code and output.
    /// A process still running after <paramref name="timeout"/> (default: the publish's) is killed, never left behind, and the
    /// wait fails.
    /// </summary>
    internal static async Task<(int ExitCode, string Output)> RunAsync(string file, string[] args, string? workingDirectory = null, TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo(file, args)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory ?? string.Empty,
        };
        start.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        try
        {
            await process.WaitForExitAsync().WaitAsync(timeout ?? Timeout);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }

        return (process.ExitCode, await stdout + await stderr);
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>The tests of the native binary share one publish.</summary>
[CollectionDefinition(NativeSample.Collection)]
public sealed class NativeSampleCollection : ICollectionFixture<NativeSample>;
