namespace Pulya.Http;

/// <summary>
/// A file uploaded in a <c>multipart/form-data</c> request. The framework buffers its content while it reads the form
/// (in memory when small, else in a temporary file deleted when the request ends), so it can be read any number of times
/// during the request with <see cref="OpenReadStream"/>.
/// </summary>
public sealed class PulyaFile
{
    private readonly Func<Stream> _open;

    /// <summary>Creates a file; <paramref name="openReadStream"/> returns a new stream over its content on each call.</summary>
    /// <param name="name">The form field name.</param>
    /// <param name="fileName">The file name the client sent (untrusted: never use it as a path as it is).</param>
    /// <param name="contentType">The part's <c>Content-Type</c>; <c>application/octet-stream</c> when the client sent none.</param>
    /// <param name="length">The content length in bytes.</param>
    /// <param name="openReadStream">Opens a new read-only stream over the content.</param>
    public PulyaFile(string name, string fileName, string contentType, long length, Func<Stream> openReadStream)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentNullException.ThrowIfNull(contentType);
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        ArgumentNullException.ThrowIfNull(openReadStream);
        Name = name;
        FileName = fileName;
        ContentType = contentType;
        Length = length;
        _open = openReadStream;
    }

    /// <summary>The form field name.</summary>
    public string Name { get; }

    /// <summary>The file name the client sent (untrusted: never use it as a path as it is).</summary>
    public string FileName { get; }

    /// <summary>The part's <c>Content-Type</c>; <c>application/octet-stream</c> when the client sent none.</summary>
    public string ContentType { get; }

    /// <summary>The content length in bytes.</summary>
    public long Length { get; }

    /// <summary>Opens a new read-only stream over the content, positioned at its start; the caller disposes it.</summary>
    public Stream OpenReadStream() => _open();
}
