using System.Net.WebSockets;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Pulya.Http;
using Pulya.Testing;
using static Pulya.AspNetCore.Tests.BridgeApp;

namespace Pulya.AspNetCore.Tests;

public sealed class WebSocketTests
{
    [Fact]
    public async Task A_WebSocket_echo_route_answers_a_ClientWebSocket_over_Kestrel()
    {
        await using var client = await StartAsync(TestTransport.Kestrel, app =>
        {
            app.UseAspNetCore(web => web.UseWebSockets());
            app.MapGet("/ws", async Task<Response?> (HttpContext http) =>
            {
                if (!http.WebSockets.IsWebSocketRequest)
                {
                    return Response.Status(StatusCodes.Status400BadRequest);
                }

                using var socket = await http.WebSockets.AcceptWebSocketAsync();
                var buffer = new byte[1024];
                while (true)
                {
                    var received = await socket.ReceiveAsync(buffer, http.RequestAborted);
                    if (received.MessageType == WebSocketMessageType.Close)
                    {
                        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None);
                        return null; // the response is the WebSocket: Pulya adds nothing
                    }

                    await socket.SendAsync(buffer.AsMemory(0, received.Count), received.MessageType, received.EndOfMessage, http.RequestAborted);
                }
            });
        });

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var socket = new ClientWebSocket();
        var uri = new UriBuilder(client.BaseAddress!) { Scheme = "ws", Path = "/ws" }.Uri;
        await socket.ConnectAsync(uri, timeout.Token);
        await socket.SendAsync(Encoding.UTF8.GetBytes("ping"), WebSocketMessageType.Text, true, timeout.Token);
        var buffer = new byte[1024];
        var echo = await socket.ReceiveAsync(buffer, timeout.Token);
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", timeout.Token);
        using var plain = await client.Client.GetAsync("/ws", timeout.Token);

        Assert.Equal("ping", Encoding.UTF8.GetString(buffer, 0, echo.Count));
        Assert.Equal(WebSocketState.Closed, socket.State);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, plain.StatusCode);
    }
}
