using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Pulya.Measurement;

/// <summary>
/// One server process on 127.0.0.1 and a free port. Measures the time from process start to the first HTTP response
/// and reads the working set from <c>/proc/PID/status</c> (VmRSS now, VmHWM peak).
/// </summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private ServerProcess(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    public int Pid => _process.Id;

    public double StartupMs { get; private set; }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>
    /// Starts the program <paramref name="info"/> describes (told to listen on 127.0.0.1:<paramref name="port"/>) and waits
    /// for its first response to <c>GET <paramref name="probePath"/></c> (any status); null and a reason when it exits or
    /// never answers.
    /// </summary>
    public static async Task<(ServerProcess? Server, string? Failure)> StartAsync(ProcessStartInfo info, int port, string probePath, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        Process process;
        try
        {
            process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {info.FileName}.");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            // A file that is not executable (or not a program for this machine).
            return (null, $"could not start {info.FileName}: {ex.Message}");
        }

        var server = new ServerProcess(process, port);
        process.OutputDataReceived += (_, e) => server.Append(e.Data);
        process.ErrorDataReceived += (_, e) => server.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var request = Encoding.ASCII.GetBytes($"GET {probePath} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n");
        var reader = new HttpResponseReader();
        while (clock.Elapsed < timeout)
        {
            if (process.HasExited)
            {
                await process.WaitForExitAsync();
                return (null, $"exited with code {process.ExitCode} before answering: {LastLines(server.Output, 6)}");
            }

            try
            {
                using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                using var answer = new CancellationTokenSource(timeout);
                await socket.ConnectAsync(IPAddress.Loopback, port, answer.Token);
                await socket.SendAsync(request, answer.Token);
                reader.Reset();
                _ = await reader.ReadAsync(socket, answer.Token);
                server.StartupMs = clock.Elapsed.TotalMilliseconds;
                return (server, null);
            }
            catch (Exception ex) when (ex is SocketException or IOException)
            {
                // Not listening yet, or closed before answering.
            }
            catch (InvalidDataException ex)
            {
                await server.DisposeAsync();
                return (null, $"answered something that is not an HTTP/1.x response: {ex.Message}");
            }

            await Task.Delay(5);
        }

        await server.DisposeAsync();
        return (null, $"no response within {timeout.TotalSeconds:0} s: {LastLines(server.Output, 6)}");
    }

    /// <summary>Resident set size now and at its peak, in MB (Linux /proc; zero elsewhere).</summary>
    public (double CurrentMb, double PeakMb) WorkingSet()
    {
        var file = $"/proc/{_process.Id}/status";
        if (!File.Exists(file))
        {
            _process.Refresh();
            return (_process.WorkingSet64 / 1048576.0, _process.PeakWorkingSet64 / 1048576.0);
        }

        double current = 0, peak = 0;
        foreach (var line in File.ReadLines(file))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                current = Kilobytes(line) / 1024.0;
            }
            else if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                peak = Kilobytes(line) / 1024.0;
            }
        }

        return (current, peak);
    }

    /// <summary>
    /// Stops the server with SIGTERM (a graceful host shut-down) and returns its exit code and how long it took; kills
    /// it after <paramref name="grace"/> (exit code null then). Idempotent.
    /// </summary>
    public async Task<(int? ExitCode, double Seconds)> StopAsync(TimeSpan grace)
    {
        var clock = Stopwatch.StartNew();
        if (!_process.HasExited)
        {
            using (var term = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]))
            {
                await term.WaitForExitAsync();
            }

            using var wait = new CancellationTokenSource(grace);
            try
            {
                await _process.WaitForExitAsync(wait.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
                return (null, clock.Elapsed.TotalSeconds);
            }
        }

        return (_process.ExitCode, clock.Elapsed.TotalSeconds);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(TimeSpan.FromSeconds(5));
        _process.Dispose();
    }

    private static long Kilobytes(string line) =>
        long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);

    /// <summary>A port free on 127.0.0.1 now (the server binds it a moment later).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The server's own explanation: the first exception line (and the next), else its last lines.</summary>
    private static string LastLines(string text, int count)
    {
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var exception = Array.FindIndex(lines, l => l.Contains("Exception", StringComparison.Ordinal) && !l.StartsWith("at ", StringComparison.Ordinal));
        return string.Join(" | ", exception >= 0 ? lines.Skip(exception).Take(2) : lines.TakeLast(count));
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            if (_output.Length < 64 * 1024)
            {
                _output.AppendLine(line);
            }
        }
    }
}
