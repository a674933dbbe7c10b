using System.Globalization;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using System.Text;

namespace Pulya.Tests.Shared.Http;

/// <summary>
/// Sends bytes to a test server at 127.0.0.1 over a plain socket, where <see cref="HttpClient"/> would refuse or fix
/// them up: framing errors, a declared length never sent, repeated header field lines (it folds them into one line).
/// A <see cref="RawRequest"/> is answered by everything that comes back until the server closes the connection; its
/// large bodies are streamed while the response is read, so a server that answers early (413) is seen answering early.
/// A request as text is answered by one response, read by its framing (<see cref="RawHttpConnection"/>).
/// </summary>
public static class RawHttpClient
{
    private const int ChunkSize = 64 * 1024;
    private const int MaxResponseBytes = 4 * 1024 * 1024;

    /// <summary>Sends <paramref name="request"/>, streaming its body while the response is read, and reads until the server closes the connection.</summary>
    public static async Task<RawResponse> SendAsync(int port, RawRequest request, TimeSpan timeout)
    {
        using var connection = await RawHttpConnection.ConnectAsync(port, timeout);
        var socket = connection.Socket;
        using var deadline = new CancellationTokenSource(timeout);

        using var answered = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token);
        var reading = ReadAllAsync(socket, deadline.Token);
        _ = reading.ContinueWith(_ => answered.Cancel(), TaskScheduler.Default);
        var sent = new StrongBox<long>();
        try
        {
            await WriteAsync(socket, request, sent, answered.Token);
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The server answered (or closed) before taking the whole request: what it sent is read below.
        }

        try
        {
            var (bytes, reset) = await reading;
            var response = RawResponse.Parse(bytes, reset);
            response.BodyBytesSent = Interlocked.Read(ref sent.Value);
            return response;
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            throw new TimeoutException($"No complete response within {timeout}: the server neither answered nor closed the connection.");
        }
    }

    /// <summary>
    /// Sends <paramref name="request"/> (ASCII, as it is) on a new connection and reads one response by its framing,
    /// whether or not the server then closes the connection.
    /// </summary>
    public static async Task<RawResponse> SendAsync(int port, string request, TimeSpan? timeout = null)
    {
        using var connection = await RawHttpConnection.ConnectAsync(port, timeout);
        await connection.SendAsync(request);
        return await connection.ReadResponseAsync();
    }

    /// <summary>
    /// Sends <paramref name="method"/> <paramref name="target"/> to <paramref name="server"/>'s port with <c>Host</c>,
    /// <c>Connection: close</c> and these header lines, in this order (a repeated name stays on lines of its own), and
    /// reads the response.
    /// </summary>
    public static Task<RawResponse> SendAsync(Uri server, string method, string target, params (string Name, string Value)[] headers)
    {
        var request = new StringBuilder().Append(CultureInfo.InvariantCulture, $"{method} {target} HTTP/1.1\r\nHost: {server.Authority}\r\nConnection: close\r\n");
        foreach (var (name, value) in headers)
        {
            request.Append(CultureInfo.InvariantCulture, $"{name}: {value}\r\n");
        }

        return SendAsync(server.Port, request.Append("\r\n").ToString());
    }

    /// <summary>A GET with <c>Connection: close</c>.</summary>
    public static Task<RawResponse> GetAsync(int port, string target, TimeSpan timeout) =>
        SendAsync(port, new RawRequest(Encoding.ASCII.GetBytes($"GET {target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"), []), timeout);

    private static async Task WriteAsync(Socket socket, RawRequest request, StrongBox<long> sent, CancellationToken cancellationToken)
    {
        await socket.SendAsync(request.Head, SocketFlags.None, cancellationToken);
        switch (request.BodyKind)
        {
            case RawBodyKind.Bytes:
                if (request.Body.Length > 0)
                {
                    await socket.SendAsync(request.Body, SocketFlags.None, cancellationToken);
                    sent.Value = request.Body.Length;
                }

                break;
            case RawBodyKind.Stream:
                await StreamAsync(socket, request.StreamLength, chunked: false, sent, cancellationToken);
                break;
            case RawBodyKind.Chunked:
                await StreamAsync(socket, request.StreamLength, chunked: true, sent, cancellationToken);
                break;
        }
    }

    private static async Task StreamAsync(Socket socket, long length, bool chunked, StrongBox<long> sent, CancellationToken cancellationToken)
    {
        var filler = new byte[ChunkSize];
        filler.AsSpan().Fill((byte)'a');
        var chunkHeader = Encoding.ASCII.GetBytes($"{ChunkSize:x}\r\n");
        for (long offset = 0; offset < length; offset += ChunkSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var size = (int)Math.Min(ChunkSize, length - offset);
            if (chunked)
            {
                await socket.SendAsync(size == ChunkSize ? chunkHeader : Encoding.ASCII.GetBytes($"{size:x}\r\n"), SocketFlags.None, cancellationToken);
            }

            await socket.SendAsync(filler.AsMemory(0, size), SocketFlags.None, cancellationToken);
            Interlocked.Add(ref sent.Value, size);
            if (chunked)
            {
                await socket.SendAsync("\r\n"u8.ToArray(), SocketFlags.None, cancellationToken);
            }
        }

        if (chunked)
        {
            await socket.SendAsync("0\r\n\r\n"u8.ToArray(), SocketFlags.None, cancellationToken);
        }
    }

    private static async Task<(byte[] Bytes, bool Reset)> ReadAllAsync(Socket socket, CancellationToken cancellationToken)
    {
        using var received = new MemoryStream();
        var buffer = new byte[16 * 1024];
        try
        {
            while (received.Length < MaxResponseBytes)
            {
                var read = await socket.ReceiveAsync(buffer, SocketFlags.None, cancellationToken);
                if (read == 0)
                {
                    return (received.ToArray(), false);
                }

                received.Write(buffer, 0, read);
            }

            return (received.ToArray(), false);
        }
        catch (SocketException)
        {
            return (received.ToArray(), true);
        }
    }
}
