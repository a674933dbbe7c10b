using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Pulya.Tests;

/// <summary>Writes bytes HttpClient would not send (framing errors, a declared length never sent) to a Kestrel port.</summary>
internal static class RawHttp
{
    /// <summary>Sends <paramref name="request"/> and reads until the JSON body's closing brace or the end of the stream.</summary>
    public static async Task<string> SendAsync(int port, string request)
    {
        using var socket = new TcpClient();
        await socket.ConnectAsync(IPAddress.Loopback, port);
        var stream = socket.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        using var reader = new StreamReader(stream, Encoding.ASCII);
        var buffer = new char[4096];
        var text = new StringBuilder();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!text.ToString().Contains('}', StringComparison.Ordinal))
        {
            var read = await reader.ReadAsync(buffer, timeout.Token);
            if (read == 0)
            {
                break;
            }

            text.Append(buffer, 0, read);
        }

        return text.ToString();
    }
}
