namespace Pulya.Tests.Shared.Http;

/// <summary>How the body of a <see cref="RawRequest"/> is sent.</summary>
public enum RawBodyKind
{
    /// <summary>The bytes of <see cref="RawRequest.Body"/>, as they are.</summary>
    Bytes,

    /// <summary><see cref="RawRequest.StreamLength"/> filler bytes, streamed until the server answers.</summary>
    Stream,

    /// <summary>Like <see cref="Stream"/>, in chunked transfer encoding (64 KiB chunks).</summary>
    Chunked,
}

/// <summary>An HTTP/1.1 request as bytes on the wire: the head (request line and headers, ending in an empty line) and the body.</summary>
public sealed record RawRequest(byte[] Head, byte[] Body, RawBodyKind BodyKind = RawBodyKind.Bytes, long StreamLength = 0);
