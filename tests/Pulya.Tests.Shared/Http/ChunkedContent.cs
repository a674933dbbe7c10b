using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Pulya.Tests.Shared.Http;

/// <summary>
/// A request body of unknown length: <see cref="HttpClient"/> sends it chunked over a socket, and the test server sees
/// it without <c>Content-Length</c>.
/// </summary>
public sealed class ChunkedContent : HttpContent
{
    private readonly byte[] _bytes;

    /// <summary>The UTF-8 bytes of <paramref name="text"/>, with <c>Content-Type</c> <paramref name="mediaType"/> (none when null).</summary>
    public ChunkedContent(string text, string? mediaType = null)
    {
        _bytes = Encoding.UTF8.GetBytes(text);
        if (mediaType is not null)
        {
            Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        }
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(_bytes).AsTask();

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}
