using System.ComponentModel;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Pulya.AspNetCore.Tests;

/// <summary>
/// A real <c>redis-server</c> (Debian package <c>redis-server</c>) on a free loopback port, with a temporary directory and no
/// persistence, killed when the tests are done. Without the program the tests fail, saying how to install it; they never skip.
/// </summary>
public sealed class RedisServer : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "pulya-redis-" + Guid.NewGuid().ToString("N"));
    private Process? _process;

    /// <summary>The connection string of the server (<c>127.0.0.1:port</c>).</summary>
    public string ConnectionString { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        var port = FreePort();
        var start = new ProcessStartInfo("redis-server", ["--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--dir", _directory, "--save", "", "--appendonly", "no"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        try
        {
            _process = Process.Start(start)!;
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException("redis-server is not installed: the scale-out tests need it (Debian: apt-get install -y redis-server).", e);
        }

        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _process.OutputDataReceived += (_, e) =>
        {
            if (e.Data?.Contains("Ready to accept connections", StringComparison.Ordinal) == true)
            {
                ready.TrySetResult();
            }
        };
        _process.BeginOutputReadLine();
        await Task.WhenAny(ready.Task, _process.WaitForExitAsync()).WaitAsync(TimeSpan.FromSeconds(30));
        if (!ready.Task.IsCompleted)
        {
            throw new InvalidOperationException("redis-server did not start: " + await _process.StandardError.ReadToEndAsync());
        }

        ConnectionString = $"127.0.0.1:{port}";
    }

    public async Task DisposeAsync()
    {
        if (_process is not null)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
            _process.Dispose();
        }

        Directory.Delete(_directory, recursive: true);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
