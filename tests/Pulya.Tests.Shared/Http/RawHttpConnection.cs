using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Pulya.Tests.Shared.Http;

/// <summary>
/// One HTTP/1.1 connection to a test server at 127.0.0.1, written and read by hand: requests as bytes or text, then a
/// response by its framing (so keep-alive connections can be read response by response), the head alone, or
/// everything up to the close. Every wait is bounded by the connection's timeout and fails with a
/// <see cref="TimeoutException"/> rather than hanging the test.
/// </summary>
public sealed class RawHttpConnection : IDisposable
{
    /// <summary>The timeout of each connect, send and read when none is given.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    private readonly TimeSpan _timeout;
    private byte[] _pending = [];

    private RawHttpConnection(Socket socket, TimeSpan timeout)
    {
        Socket = socket;
        _timeout = timeout;
    }

    /// <summary>The socket, for what the tests do to the connection itself (shut it down, reset it).</summary>
    public Socket Socket { get; }

    /// <summary>Connects to 127.0.0.1:<paramref name="port"/>; a refused connection throws its <see cref="SocketException"/>.</summary>
    public static async Task<RawHttpConnection> ConnectAsync(int port, TimeSpan? timeout = null)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        var connection = new RawHttpConnection(socket, timeout ?? DefaultTimeout);
        try
        {
            using var deadline = new CancellationTokenSource(connection._timeout);
            await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port), deadline.Token);
            return connection;
        }
        catch (OperationCanceledException)
        {
            socket.Dispose();
            throw new TimeoutException($"Could not connect to 127.0.0.1:{port} within {connection._timeout}.");
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Sends <paramref name="request"/> as ASCII, as it is (nothing is added or fixed up).</summary>
    public Task SendAsync(string request) => SendAsync(Encoding.ASCII.GetBytes(request));

    /// <summary>Sends <paramref name="bytes"/> as they are.</summary>
    public async Task SendAsync(ReadOnlyMemory<byte> bytes)
    {
        using var deadline = new CancellationTokenSource(_timeout);
        try
        {
            await Socket.SendAsync(bytes, SocketFlags.None, deadline.Token);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            throw new TimeoutException($"Could not send {bytes.Length} bytes within {_timeout}.");
        }
    }

    /// <summary>
    /// Reads one response: its head, then its body by <c>Content-Length</c> or chunked framing (none for 1xx, 204
    /// and 304), or up to the close when it has no framing. What follows it on the connection is kept for the next
    /// read. When the connection ends first, the response is what arrived (<see cref="RawResponse.Complete"/> false,
    /// or <see cref="RawResponse.Status"/> 0 without a whole head).
    /// </summary>
    public Task<RawResponse> ReadResponseAsync() => ReadAsync(framed: true);

    /// <summary>Reads everything up to the close (or reset) of the connection.</summary>
    public Task<RawResponse> ReadToEndAsync() => ReadAsync(framed: false);

    /// <summary>
    /// Reads the status line and headers up to the empty line, one byte at a time: nothing of the body is taken from
    /// the connection. The connection ending first fails with an <see cref="IOException"/>.
    /// </summary>
    public async Task<string> ReadHeadAsync()
    {
        var head = new StringBuilder();
        var buffer = new byte[1];
        using var deadline = new CancellationTokenSource(_timeout);
        while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
        {
            var (read, _) = await ReceiveAsync(buffer, null, deadline);
            if (read == 0)
            {
                throw new IOException($"The connection ended before the end of the response head: {head}");
            }

            head.Append((char)buffer[0]);
        }

        return head.ToString();
    }

    /// <summary>Resets the connection (RST, as a client that crashed) and disposes it.</summary>
    public void Reset()
    {
        Socket.LingerState = new LingerOption(true, 0);
        Socket.Dispose();
    }

    /// <inheritdoc />
    public void Dispose() => Socket.Dispose();

    private async Task<RawResponse> ReadAsync(bool framed)
    {
        using var received = new MemoryStream();
        received.Write(_pending);
        _pending = [];
        var buffer = new byte[16 * 1024];
        using var deadline = new CancellationTokenSource(_timeout);
        while (true)
        {
            var length = framed ? RawResponse.FramedLength(received.GetBuffer().AsSpan(0, (int)received.Length)) : -1;
            if (length >= 0)
            {
                var all = received.ToArray();
                _pending = all[length..];
                return RawResponse.Parse(all[..length], connectionReset: false);
            }

            var (read, reset) = await ReceiveAsync(buffer, received, deadline);
            if (read == 0)
            {
                return RawResponse.Parse(received.ToArray(), reset);
            }

            received.Write(buffer, 0, read);
        }
    }

    private async Task<(int Read, bool Reset)> ReceiveAsync(byte[] buffer, MemoryStream? received, CancellationTokenSource deadline)
    {
        try
        {
            return (await Socket.ReceiveAsync(buffer, SocketFlags.None, deadline.Token), false);
        }
        catch (SocketException)
        {
            return (0, true);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            var sofar = received is null ? string.Empty : $" (received so far: {Encoding.UTF8.GetString(received.GetBuffer(), 0, (int)Math.Min(received.Length, 300))})";
            throw new TimeoutException($"No complete response within {_timeout}: the server neither answered nor closed the connection{sofar}.");
        }
    }
}
