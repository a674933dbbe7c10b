using System.Net.Sockets;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pulya.Reliability.Tests.Hosting;
using Pulya.Tests.Shared.Http;

namespace Pulya.Reliability.Tests.Faults;

/// <summary>
/// Faults in handlers and clients: each is answered or cleaned up, the request's pooled objects go back to their
/// pool, and the server keeps serving others.
/// </summary>
public abstract class FaultTests(ServerFixture fixture)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private ReliabilityServer Server => fixture.Server;

    [Fact]
    public async Task Handler_that_throws_gets_500_json_without_details_and_the_exception_is_logged()
    {
        var response = await RawHttpClient.GetAsync(Server.Port, "/reliability/throw", Timeout);

        Assert.Equal(500, response.Status);
        Assert.Equal("{\"error\":\"Internal server error.\"}", response.BodyText);
        var logged = Assert.Single(Server.Log.Entries, e => e.Exception?.Message.Contains("SECRET-FAULT-DETAIL", StringComparison.Ordinal) == true);
        Assert.Equal(LogLevel.Error, logged.Level);
        await AssertStillServingAsync();
    }

    [Fact]
    public async Task Handler_waiting_on_its_token_sees_it_fire_when_the_client_goes_away()
    {
        var id = Guid.NewGuid().ToString("N");
        var signals = Server.Signals[id];
        using (var connection = await ConnectAsync())
        {
            await connection.SendAsync($"GET /reliability/wait?id={id} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
            await signals.Started.Task.WaitAsync(Timeout);
            Assert.False(signals.Cancelled.Task.IsCompleted);
            connection.Socket.Shutdown(SocketShutdown.Both);
        }

        await signals.Cancelled.Task.WaitAsync(Timeout);
        await AssertStillServingAsync();
    }

    [Fact]
    public async Task Client_disconnecting_in_the_middle_of_a_body_frees_the_request()
    {
        var logged = Server.Log.Entries.Count;
        var rentedBefore = Server.Pool.Rented;
        using (var connection = await ConnectAsync())
        {
            await connection.SendAsync("POST /echo HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{\"items\":[{\"a\":\"partial");
            await Server.Pool.WaitForRentedAsync(rentedBefore + 1, Timeout);
            connection.Reset(); // as a client that crashed
        }

        await AssertStillServingAsync();
        AssertNoErrorLoggedSince(logged);
    }

    [Fact]
    public async Task Client_sending_a_body_slower_than_the_minimum_data_rate_is_cut_off()
    {
        // The limits come from configuration (Kestrel:Limits), as bound by the core.
        var limits = Server.App.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value.Limits;
        Assert.Equal(TimeSpan.FromSeconds(2), limits.MinRequestBodyDataRate!.GracePeriod);
        Assert.Equal(100, limits.MinRequestBodyDataRate.BytesPerSecond);

        using var connection = await ConnectAsync();
        await connection.SendAsync("POST /echo HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{\"items\":");

        // Nothing more is sent: Kestrel times the body out after the grace period; the pipeline answers its 408.
        var response = await connection.ReadToEndAsync();

        Assert.True(response.Status is 408, $"expected 408, got {response}");
        Assert.NotEqual(500, response.Status);
        await AssertStillServingAsync();
    }

    [Fact]
    public async Task Many_clients_abandoning_requests_at_once_leave_nothing_outstanding()
    {
        var logged = Server.Log.Entries.Count;
        var connections = new List<RawHttpConnection>();
        var rentedBefore = Server.Pool.Rented;
        for (var i = 0; i < 50; i++)
        {
            var connection = await ConnectAsync();
            connections.Add(connection);
            var request = (i % 3) switch
            {
                0 => $"GET /reliability/wait?id=abandon-{Guid.NewGuid():N} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
                1 => "POST /echo HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 5000\r\n\r\n{\"items\":[",
                _ => "GET /wiring/x HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
            };
            await connection.SendAsync(request);
        }

        await Server.Pool.WaitForRentedAsync(rentedBefore + 50, Timeout);
        foreach (var connection in connections)
        {
            connection.Reset();
        }

        await AssertStillServingAsync();
        AssertNoErrorLoggedSince(logged);
    }

    /// <summary>
    /// A client that goes away is not a server error: Pulya logs nothing at Error level. (Kestrel itself may log
    /// "automatic draining of the request body failed because the body reader is in an invalid state" at Error when a
    /// connection is reset mid-body; that entry is Kestrel's, see docs/reliability.md.)
    /// </summary>
    private void AssertNoErrorLoggedSince(int count)
    {
        var errors = Server.Log.Entries.Skip(count).Where(e => e.Level >= LogLevel.Error && e.Category.StartsWith("Pulya", StringComparison.Ordinal)).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e.Category}: {e.Message} {e.Exception}")));
    }

    private async Task AssertStillServingAsync()
    {
        var root = await RawHttpClient.GetAsync(Server.Port, "/", Timeout);
        Assert.Equal(200, root.Status);
        Assert.Equal("{\"success\":true}", root.BodyText);
        await Server.Pool.WaitForZeroAsync(Timeout);
    }

    private Task<RawHttpConnection> ConnectAsync() => RawHttpConnection.ConnectAsync(Server.Port, Timeout);
}

/// <summary>The baseline profile.</summary>
public sealed class FaultTestsBaseline(BaselineServerFixture fixture) : FaultTests(fixture), IClassFixture<BaselineServerFixture>;

/// <summary>The optimized profile.</summary>
public sealed class FaultTestsOptimized(OptimizedServerFixture fixture) : FaultTests(fixture), IClassFixture<OptimizedServerFixture>;
