using System.Buffers;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Pulya.Soak;

/// <summary>One HTTP/1.1 keep-alive connection to 127.0.0.1 over a plain socket: writes a request, reads one response (Content-Length or chunked).</summary>
internal sealed class KeepAliveConnection : IDisposable
{
    private readonly Socket _socket;
    private readonly byte[] _buffer = new byte[64 * 1024];
    private int _start;
    private int _end;

    private KeepAliveConnection(Socket socket) => _socket = socket;

    public static async Task<KeepAliveConnection> OpenAsync(int port, CancellationToken cancellationToken)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port), cancellationToken);
            return new KeepAliveConnection(socket);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Sends <paramref name="request"/> and returns the response's status and body.</summary>
    public async Task<(int Status, byte[] Body)> SendAsync(ReadOnlyMemory<byte> request, CancellationToken cancellationToken)
    {
        await _socket.SendAsync(request, SocketFlags.None, cancellationToken);
        var headEnd = await FillUntilAsync(() => _buffer.AsSpan(_start, _end - _start).IndexOf("\r\n\r\n"u8), cancellationToken);
        var head = Encoding.ASCII.GetString(_buffer, _start, headEnd);
        _start += headEnd + 4;
        var status = int.Parse(head.AsSpan(9, 3), System.Globalization.CultureInfo.InvariantCulture);
        var contentLength = -1;
        var chunked = false;
        foreach (var line in head.Split("\r\n"))
        {
            if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
            {
                contentLength = int.Parse(line.AsSpan(15).Trim(), System.Globalization.CultureInfo.InvariantCulture);
            }
            else if (line.StartsWith("Transfer-Encoding:", StringComparison.OrdinalIgnoreCase) && line.Contains("chunked", StringComparison.OrdinalIgnoreCase))
            {
                chunked = true;
            }
        }

        if (chunked)
        {
            return (status, await ReadChunkedAsync(cancellationToken));
        }

        return (status, await ReadExactlyAsync(Math.Max(contentLength, 0), cancellationToken));
    }

    public void Dispose() => _socket.Dispose();

    private async Task<byte[]> ReadChunkedAsync(CancellationToken cancellationToken)
    {
        var body = new ArrayBufferWriter<byte>();
        while (true)
        {
            var lineEnd = await FillUntilAsync(() => _buffer.AsSpan(_start, _end - _start).IndexOf("\r\n"u8), cancellationToken);
            var size = int.Parse(Encoding.ASCII.GetString(_buffer, _start, lineEnd).Split(';')[0], System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture);
            _start += lineEnd + 2;
            body.Write(await ReadExactlyAsync(size, cancellationToken));
            await ReadExactlyAsync(2, cancellationToken);
            if (size == 0)
            {
                return body.WrittenSpan.ToArray();
            }
        }
    }

    private async Task<byte[]> ReadExactlyAsync(int count, CancellationToken cancellationToken)
    {
        var result = new byte[count];
        var copied = 0;
        while (copied < count)
        {
            if (_start == _end)
            {
                await ReceiveAsync(cancellationToken);
            }

            var take = Math.Min(count - copied, _end - _start);
            _buffer.AsSpan(_start, take).CopyTo(result.AsSpan(copied));
            _start += take;
            copied += take;
        }

        return result;
    }

    private async Task<int> FillUntilAsync(Func<int> find, CancellationToken cancellationToken)
    {
        while (true)
        {
            var index = find();
            if (index >= 0)
            {
                return index;
            }

            await ReceiveAsync(cancellationToken);
        }
    }

    private async Task ReceiveAsync(CancellationToken cancellationToken)
    {
        if (_start > 0)
        {
            _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
            _end -= _start;
            _start = 0;
        }

        if (_end == _buffer.Length)
        {
            throw new InvalidDataException("Response head larger than the read buffer.");
        }

        var read = await _socket.ReceiveAsync(_buffer.AsMemory(_end), SocketFlags.None, cancellationToken);
        if (read == 0)
        {
            throw new SocketException((int)SocketError.ConnectionReset);
        }

        _end += read;
    }
}
