using System.Net;
using System.Net.Sockets;
using System.Text;
using Pulya.Reliability.Tests.Hosting;
using Pulya.Reliability.Tests.Http;

namespace Pulya.Reliability.Tests.Shutdown;

/// <summary>
/// Host stop (what SIGTERM triggers through the Generic Host): the listener closes at once, requests in flight
/// complete, then the shut-down hooks run, once. Each test runs its own server, since it stops it.
/// </summary>
public abstract class GracefulShutdownTests(string profile)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Request_in_flight_during_stop_completes_and_new_connections_are_refused()
    {
        await using var server = await ReliabilityServer.StartAsync(profile);
        var id = Guid.NewGuid().ToString("N");
        var signals = server.Signals[id];
        var inFlight = RawHttpClient.GetAsync(server.Port, $"/reliability/gate?id={id}", Timeout);
        await signals.Started.Task.WaitAsync(Timeout);

        var stopping = server.StopAsync();
        await WaitUntilRefusedAsync(server.Port);
        Assert.False(stopping.IsCompleted, "stop must wait for the request in flight");
        Assert.Equal(0, server.ShutdownHookRuns);

        signals.Release.SetResult();
        var response = await inFlight;
        await stopping.WaitAsync(Timeout);

        Assert.Equal(200, response.Status);
        Assert.Equal($"{{\"value\":\"released {id}\"}}", response.BodyText);
        Assert.Equal(0, server.OutstandingAtShutdownHook); // the hook ran after the request had completed
        Assert.Equal(1, server.ShutdownHookRuns);
        await server.Pool.WaitForZeroAsync(Timeout);
        await Assert.ThrowsAnyAsync<SocketException>(() => ConnectAsync(server.Port));
    }

    [Fact]
    public async Task Shutdown_hooks_run_once_when_stop_is_requested_repeatedly_and_concurrently()
    {
        var server = await ReliabilityServer.StartAsync(profile);
        var root = await RawHttpClient.GetAsync(server.Port, "/", Timeout);
        Assert.Equal(200, root.Status);

        await Task.WhenAll(server.StopAsync(), server.StopAsync(), server.StopAsync());
        await server.StopAsync();
        await server.DisposeAsync();

        Assert.Equal(1, server.ShutdownHookRuns);
    }

    [Fact]
    public async Task Idle_keep_alive_connections_do_not_hold_up_stop()
    {
        await using var server = await ReliabilityServer.StartAsync(profile);
        using var idle = await ConnectAsync(server.Port);
        await idle.SendAsync(Encoding.ASCII.GetBytes("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"));
        var buffer = new byte[4096];
        var read = await idle.ReceiveAsync(buffer);
        Assert.StartsWith("HTTP/1.1 200", Encoding.ASCII.GetString(buffer, 0, read), StringComparison.Ordinal);

        await server.StopAsync().WaitAsync(Timeout);

        Assert.Equal(1, server.ShutdownHookRuns);
        Assert.Equal(0, await idle.ReceiveAsync(buffer)); // the server closed the idle connection
    }

    private static async Task WaitUntilRefusedAsync(int port)
    {
        // Kestrel unbinds at the start of StopAsync; poll the listener (each attempt is a real connect), bounded by the timeout.
        using var deadline = new CancellationTokenSource(Timeout);
        while (true)
        {
            deadline.Token.ThrowIfCancellationRequested();
            try
            {
                using var socket = await ConnectAsync(port);
            }
            catch (SocketException ex) when (ex.SocketErrorCode == SocketError.ConnectionRefused)
            {
                return;
            }
            catch (SocketException ex) when (ex.SocketErrorCode == SocketError.ConnectionReset)
            {
                // Queued in the backlog as the listener closed: the server is going away; the next attempt is refused.
            }

            await Task.Yield();
        }
    }

    private static async Task<Socket> ConnectAsync(int port)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port));
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}

/// <summary>The baseline profile.</summary>
public sealed class GracefulShutdownTestsBaseline() : GracefulShutdownTests("baseline");

/// <summary>The optimized profile.</summary>
public sealed class GracefulShutdownTestsOptimized() : GracefulShutdownTests("optimized");
