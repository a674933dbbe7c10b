namespace Pulya.Http;

/// <summary>
/// A response a handler builds itself: status, headers and content. Content is written as it is:
/// a <see cref="string"/> as <c>text/plain; charset=utf-8</c>, bytes as <c>application/octet-stream</c>,
/// anything else by the negotiated serializer, unless <see cref="ContentType"/> says otherwise.
/// </summary>
public sealed class Response
{
    private List<KeyValuePair<string, string>>? _headers;
    private int _statusCode = 200;

    /// <summary>Creates a response with status 200 and no content.</summary>
    public Response()
    {
    }

    /// <summary>Creates a response with <paramref name="content"/> and <paramref name="statusCode"/>.</summary>
    public Response(object? content, int statusCode = 200)
    {
        Content = content;
        StatusCode = statusCode;
    }

    /// <summary>The status code, 100–599. Defaults to 200.</summary>
    public int StatusCode
    {
        get => _statusCode;
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 100);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(value, 599);
            _statusCode = value;
        }
    }

    /// <summary>The content: null (no body), a string, <c>byte[]</c>, <c>ReadOnlyMemory&lt;byte&gt;</c>, or a value to serialize.</summary>
    public object? Content { get; set; }

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

    /// <summary>Adds a header and returns this response, for chaining.</summary>
    public Response WithHeader(string name, string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(value);
        Headers.Add(new KeyValuePair<string, string>(name, value));
        return this;
    }

}
