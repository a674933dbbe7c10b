using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;

namespace Pulya.Http;

/// <summary>
/// A response a handler builds itself: status, headers and content. Content is written as it is:
/// a <see cref="string"/> as <c>text/plain; charset=utf-8</c>, bytes as <c>application/octet-stream</c>,
/// a <see cref="System.IO.Stream"/> streamed as <c>application/octet-stream</c>, an <c>IAsyncEnumerable&lt;T&gt;</c> of a
/// reference type as an array written while the items are produced, anything else by the negotiated serializer, unless
/// <see cref="ContentType"/> says otherwise.
/// </summary>
public sealed class Response
{
    private static readonly FileExtensionContentTypeProvider ContentTypes = new();
    private static readonly CookieOptions DefaultCookieOptions = new();
    private List<KeyValuePair<string, string>>? _headers;
    private int _statusCode = 200;
    private object? _content;

    /// <summary>Creates a response with status 200 and no content.</summary>
    public Response()
    {
    }

    /// <summary>Creates a response with <paramref name="content"/> and <paramref name="statusCode"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="statusCode"/> is not a final status (200–599).</exception>
    /// <exception cref="ArgumentException"><paramref name="content"/> is set with a status that has no content (204, 205, 304).</exception>
    public Response(object? content, int statusCode = 200)
    {
        StatusCode = statusCode;
        Content = content;
    }

    /// <summary>
    /// The status code, a final status 200–599 (1xx are interim responses the server sends itself, never a handler's
    /// answer). 204, 205 and 304 carry no content. Defaults to 200.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is outside 200–599.</exception>
    /// <exception cref="ArgumentException">The status forbids content and <see cref="Content"/> is set.</exception>
    public int StatusCode
    {
        get => _statusCode;
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 200);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(value, 599);
            if (_content is not null && ForbidsContent(value))
            {
                throw new ArgumentException($"A {value} response has no content; remove the content or choose another status.", nameof(value));
            }

            _statusCode = value;
        }
    }

    /// <summary>
    /// The content: null (no body), a string, <c>byte[]</c>, <c>ReadOnlyMemory&lt;byte&gt;</c>, a <see cref="System.IO.Stream"/>
    /// (streamed, then disposed), an <c>IAsyncEnumerable&lt;T&gt;</c>, or a value to serialize.
    /// </summary>
    /// <exception cref="ArgumentException">The value is not null and the status is 204, 205 or 304.</exception>
    public object? Content
    {
        get => _content;
        set
        {
            if (value is not null && ForbidsContent(_statusCode))
            {
                throw new ArgumentException($"A {_statusCode} response has no content; remove the content or choose another status.", nameof(value));
            }

            _content = value;
        }
    }

    /// <summary>The <c>Content-Type</c>; when null it follows from <see cref="Content"/>.</summary>
    public string? ContentType { get; set; }

    /// <summary>Extra headers in the order they were added; several entries may share a name.</summary>
    public IList<KeyValuePair<string, string>> Headers => _headers ??= [];

    /// <summary>Whether any header was added, without creating the list.</summary>
    public bool HasHeaders => _headers is { Count: > 0 };

    /// <summary>A <c>text/plain; charset=utf-8</c> response.</summary>
    public static Response Text(string text, int statusCode = 200) => new(text, statusCode);

    /// <summary>An <c>application/octet-stream</c> response, or <paramref name="contentType"/>.</summary>
    public static Response Bytes(byte[] content, string contentType = "application/octet-stream", int statusCode = 200) =>
        new(content, statusCode) { ContentType = contentType };

    /// <summary>A response whose value is written by the negotiated serializer.</summary>
    public static Response Serialized(object? value, int statusCode = 200) => new(value, statusCode);

    /// <summary>A response without a body.</summary>
    public static Response Status(int statusCode) => new(null, statusCode);

    /// <summary>
    /// The result a handler, filter or middleware returned, as a <see cref="Response"/> whose status and headers can be
    /// changed: the same instance when it is one, 204 without content for null, otherwise 200 with the result as content
    /// (written exactly as the result itself would be).
    /// </summary>
    public static Response From(object? result) => result switch
    {
        Response response => response,
        null => Status(204),
        _ => new Response(result),
    };

    /// <summary>
    /// A file, streamed from disk with <c>Content-Length</c>, <c>Last-Modified</c>, a strong <c>ETag</c> and
    /// <c>Accept-Ranges: bytes</c>. A GET or HEAD whose <c>If-None-Match</c> or <c>If-Modified-Since</c> matches gets 304;
    /// a GET with one byte range gets 206 (<c>Content-Range</c>), or 416 (<c>Content-Range: bytes */length</c>) when the
    /// range lies outside the file; several ranges get the whole file (200). A missing file gets 404.
    /// </summary>
    /// <param name="path">The file's path; a relative path resolves against the current directory. Pulya does not confine
    /// it to a folder: for a path taken from the request use <see cref="FileIn"/>.</param>
    /// <param name="contentType">The <c>Content-Type</c>; when null it follows from the file's extension
    /// (<c>application/octet-stream</c> for an unknown one).</param>
    public static Response File(string path, string? contentType = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return new Response(new FileContent(path))
        {
            ContentType = contentType ?? (ContentTypes.TryGetContentType(path, out var known) ? known : "application/octet-stream"),
        };
    }

    /// <summary>
    /// A file inside <paramref name="folder"/>, named by a path taken from the request (typically a catch-all route value:
    /// <c>app.MapGet("/files/{*path}", (string path) =&gt; Response.FileIn("wwwroot", path))</c>), sent as
    /// <see cref="File"/> sends it. A path that would leave the folder gets 404, as a missing file: empty or rooted
    /// (<c>/etc/hostname</c>, <c>//etc/hostname</c>), a <c>..</c> segment, a backslash, a colon (drive letters), NUL or
    /// another control character, a separator the client encoded (<c>%2F</c>, checked once decoded), or a symbolic link
    /// (the file or a folder on the way) whose target is outside the folder.
    /// </summary>
    /// <param name="folder">The folder the file must be in; a relative folder resolves against the current directory.</param>
    /// <param name="relativePath">The file's path below <paramref name="folder"/>, with <c>/</c> between segments.</param>
    /// <param name="contentType">The <c>Content-Type</c>; when null it follows from the file's extension
    /// (<c>application/octet-stream</c> for an unknown one).</param>
    public static Response FileIn(string folder, string relativePath, string? contentType = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        ArgumentNullException.ThrowIfNull(relativePath);
        return new Response(new FileContent(folder, relativePath))
        {
            ContentType = contentType ?? (ContentTypes.TryGetContentType(relativePath, out var known) ? known : "application/octet-stream"),
        };
    }

    /// <summary>
    /// Server-sent events: <c>text/event-stream</c> with <c>Cache-Control: no-cache</c>; <paramref name="producer"/> writes
    /// events with its <see cref="EventStreamWriter"/>, each flushed to the client at once, until it returns. Its token is
    /// the request's <see cref="PulyaRequest.RequestAborted"/>: it is cancelled when the client goes away.
    /// </summary>
    public static Response EventStream(Func<EventStreamWriter, CancellationToken, Task> producer)
    {
        ArgumentNullException.ThrowIfNull(producer);
        return new Response(new EventStreamContent(producer)) { ContentType = "text/event-stream" };
    }

    /// <summary>
    /// Adds a <c>Set-Cookie</c> header and returns this response, for chaining. The value is percent-encoded (a
    /// <c>[Cookie]</c> parameter decodes it).
    /// </summary>
    /// <param name="name">The cookie name.</param>
    /// <param name="value">The cookie value.</param>
    /// <param name="options">Path, Domain, Expires, MaxAge, Secure, HttpOnly, SameSite...; when null, ASP.NET Core's
    /// defaults: <c>path=/</c> and nothing else (a session cookie).</param>
    public Response WithCookie(string name, string value, CookieOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(value);
        var cookie = (options ?? DefaultCookieOptions).CreateCookieHeader(name, Uri.EscapeDataString(value));
        return WithHeader("Set-Cookie", cookie.ToString());
    }

    /// <summary>Adds a header and returns this response, for chaining.</summary>
    public Response WithHeader(string name, string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(value);
        Headers.Add(new KeyValuePair<string, string>(name, value));
        return this;
    }

    /// <summary>204 No Content, 205 Reset Content and 304 Not Modified end at the headers (RFC 9110 §15).</summary>
    private static bool ForbidsContent(int statusCode) => statusCode is 204 or 205 or 304;
}
