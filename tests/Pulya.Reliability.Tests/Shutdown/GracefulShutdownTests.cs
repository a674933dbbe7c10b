using System.Net.Sockets;
using Pulya.Reliability.Tests.Hosting;
using Pulya.Tests.Shared.Http;

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
        await Assert.ThrowsAnyAsync<SocketException>(() => RawHttpConnection.ConnectAsync(server.Port, Timeout));
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
        using var idle = await RawHttpConnection.ConnectAsync(server.Port, Timeout);
        await idle.SendAsync("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        var first = await idle.ReadResponseAsync();
        Assert.StartsWith("HTTP/1.1 200", first.Text, StringComparison.Ordinal);

        await server.StopAsync().WaitAsync(Timeout);

        Assert.Equal(1, server.ShutdownHookRuns);
        var rest = await idle.ReadToEndAsync(); // the server closed the idle connection, in order and with nothing more
        Assert.Empty(rest.Raw);
        Assert.False(rest.ConnectionReset);
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
                using var connection = await RawHttpConnection.ConnectAsync(port, Timeout);
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
}

/// <summary>The baseline profile.</summary>
public sealed class GracefulShutdownTestsBaseline() : GracefulShutdownTests("baseline");

/// <summary>The optimized profile.</summary>
public sealed class GracefulShutdownTestsOptimized() : GracefulShutdownTests("optimized");
