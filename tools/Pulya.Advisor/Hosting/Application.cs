using System.Diagnostics;
using System.Text;

namespace Pulya.Advisor.Hosting;

/// <summary>
/// The user's application: built in Release, then started as its own process (its own <c>Program.cs</c>, unchanged) on
/// 127.0.0.1 and a free port with <c>--urls</c>, warnings-only logging, the candidate's <c>--Pulya:…</c> settings and
/// the user's extra arguments, from its output folder, in the Production environment.
/// </summary>
internal sealed class Application(string assembly, IReadOnlyList<string> extraArguments)
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    public string Assembly { get; } = assembly;

    /// <summary>Builds the project in Release (unless <paramref name="build"/> is false) and finds its assembly.</summary>
    /// <exception cref="InvalidOperationException">The build failed or the project has no output assembly.</exception>
    public static async Task<Application> PrepareAsync(string project, bool build, IReadOnlyList<string> extraArguments, TextWriter log)
    {
        var path = Path.GetFullPath(project);
        if (Directory.Exists(path))
        {
            path = Directory.GetFiles(path, "*.csproj").SingleOrDefault() ?? throw new InvalidOperationException($"{project}: no single .csproj in that folder.");
        }

        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"{project}: no such project.");
        }

        if (build)
        {
            log.WriteLine($"Building {path} (Release)…");
            await DotnetAsync(["build", path, "-c", "Release", "--nologo", "-v", "q"]);
        }

        var target = (await DotnetAsync(["msbuild", path, "-getProperty:TargetPath", "-p:Configuration=Release", "-nologo"])).Trim();
        if (!File.Exists(target))
        {
            throw new InvalidOperationException($"{project}: the build output {target} does not exist (build it, or leave out --no-build).");
        }

        return new Application(target, extraArguments);
    }

    /// <summary>Starts the application with <paramref name="settings"/> and waits for its answer to <c>GET <paramref name="probe"/></c>.</summary>
    public Task<(ServerProcess? Server, string? Failure)> StartAsync(IReadOnlyList<string> settings, string probe)
    {
        var port = ServerProcess.FreePort();
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(Assembly)!,
        };
        foreach (var argument in (string[])[Assembly, "--urls", $"http://127.0.0.1:{port}", "--Logging:LogLevel:Default=Warning", "--Logging:LogLevel:Microsoft.Hosting.Lifetime=Warning", .. extraArguments, .. settings])
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["DOTNET_ENVIRONMENT"] = "Production";
        return ServerProcess.StartAsync(info, port, probe, StartTimeout);
    }

    private static async Task<string> DotnetAsync(IReadOnlyList<string> arguments)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(new StringBuilder($"dotnet {string.Join(' ', arguments)} failed ({process.ExitCode}):\n").Append(await output).Append(await error).ToString());
        }

        return await output;
    }
}
