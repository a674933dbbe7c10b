using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Pulya.Http;
using Pulya.Results;

namespace Pulya.Pipeline;

/// <summary>
/// The shape error responses take (<c>Pulya:Errors</c>): Pulya's <c>{"error":…}</c> (<c>application/json</c>, the
/// default), or RFC 9457 Problem Details (<c>application/problem+json</c>: <c>type</c>, <c>title</c>, <c>status</c>,
/// <c>detail</c>, <c>instance</c>, <c>traceId</c>). The pipeline names every error by its Pulya body
/// (<see cref="ErrorResponses"/>); Problem Details translate it: the fixed errors from heads encoded once at start-up, a
/// per-request message (400) when it is answered; only <c>instance</c> and <c>traceId</c> are written per request. With an
/// <see cref="IProblemWriter"/> (the ASP.NET Core bridge over <c>IProblemDetailsService</c>), Problem Details go through it
/// as <see cref="PulyaProblem"/>s instead, Pulya's bytes being the fallback when it declines.
/// </summary>
internal sealed partial class ErrorShape
{
    /// <summary>The configuration value of Pulya's own shape.</summary>
    public const string PulyaName = "Pulya";

    /// <summary>The configuration value of RFC 9457 Problem Details.</summary>
    public const string ProblemDetailsName = "ProblemDetails";

    /// <summary>The content type of Problem Details (JSON is UTF-8 by definition).</summary>
    public const string ProblemContentType = "application/problem+json";

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly Dictionary<int, string> Types = new()
    {
        [400] = "https://tools.ietf.org/html/rfc9110#section-15.5.1",
        [401] = "https://tools.ietf.org/html/rfc9110#section-15.5.2",
        [403] = "https://tools.ietf.org/html/rfc9110#section-15.5.4",
        [404] = "https://tools.ietf.org/html/rfc9110#section-15.5.5",
        [405] = "https://tools.ietf.org/html/rfc9110#section-15.5.6",
        [406] = "https://tools.ietf.org/html/rfc9110#section-15.5.7",
        [408] = "https://tools.ietf.org/html/rfc9110#section-15.5.9",
        [413] = "https://tools.ietf.org/html/rfc9110#section-15.5.14",
        [415] = "https://tools.ietf.org/html/rfc9110#section-15.5.16",
        [416] = "https://tools.ietf.org/html/rfc9110#section-15.5.17",
        [500] = "https://tools.ietf.org/html/rfc9110#section-15.6.1",
    };

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    /// <summary>Problem Details heads (the object up to <c>detail</c>, unclosed) by the Pulya body they replace; null for Pulya's shape.</summary>
    private readonly Dictionary<byte[], byte[]>? _heads;

    /// <summary>The application's writer of Problem Details; null for Pulya's own (and for Pulya's shape).</summary>
    private readonly IProblemWriter? _writer;

    private ErrorShape(bool problemDetails, IProblemWriter? writer = null)
    {
        _writer = writer;
        if (problemDetails)
        {
            _heads = new Dictionary<byte[], byte[]>(ReferenceEqualityComparer.Instance)
            {
                [ErrorResponses.NotFound] = Head(404, "Not found."),
                [ErrorResponses.MethodNotAllowed] = Head(405, "Method not allowed."),
                [ErrorResponses.NotAcceptable] = Head(406, "Not acceptable: no registered format matches the Accept header."),
                [ErrorResponses.PayloadTooLarge] = Head(413, "Request body too large."),
                [ErrorResponses.UnsupportedFormMediaType] = Head(415, "Unsupported media type: send the form as application/x-www-form-urlencoded or multipart/form-data (UTF-8)."),
                [ErrorResponses.InternalServerError] = Head(500, "Internal server error."),
            };
        }
    }

    /// <summary>Pulya's <c>{"error":…}</c>.</summary>
    public static ErrorShape Pulya { get; } = new(problemDetails: false);

    /// <summary>RFC 9457 Problem Details.</summary>
    public static ErrorShape ProblemDetails { get; } = new(problemDetails: true);

    /// <summary>The shape a (validated) <c>Pulya:Errors</c> value names.</summary>
    /// <param name="name">The shape's name.</param>
    /// <param name="writer">Writes Problem Details instead of Pulya (when the shape is Problem Details); null for Pulya's writer.</param>
    public static ErrorShape For(string name, IProblemWriter? writer = null) =>
        name != ProblemDetailsName ? Pulya : writer is null ? ProblemDetails : new(problemDetails: true, writer);

    /// <summary>The content type of error responses.</summary>
    public string ContentType => _heads is null ? ErrorResponses.JsonContentType : ProblemContentType;

    /// <summary>
    /// Writes the error <paramref name="body"/> (a Pulya body from <see cref="ErrorResponses"/>) in this shape; completed at
    /// once unless the application's <see cref="IProblemWriter"/> writes it.
    /// </summary>
    public Task Write(PulyaContext context, int status, byte[] body)
    {
        if (_heads is null)
        {
            ResultWriter.WriteBytes(context, status, ErrorResponses.JsonContentType, body);
            return Task.CompletedTask;
        }

        if (_writer is not null && !context.IsHead)
        {
            return WriteThroughAsync(context, status, body);
        }

        ResultWriter.WriteBytes(context, status, ProblemContentType, Compose(context, status, body).WrittenSpan);
        return Task.CompletedTask;
    }

    /// <summary>The error <paramref name="body"/> in this shape, as a result for middleware (with status and content type).</summary>
    public Response Result(PulyaContext context, int status, byte[] body)
    {
        var bytes = _heads is null ? body : Compose(context, status, body).WrittenSpan.ToArray();
        return _writer is null
            ? Response.Bytes(bytes, ContentType, status)
            : new Response(new ProblemContent(_writer, Problem(context, status, Message(body), errors: null), bytes), status);
    }

    /// <summary>The error through the application's writer; Pulya's bytes when it declines.</summary>
    private async Task WriteThroughAsync(PulyaContext context, int status, byte[] body)
    {
        context.Response.StatusCode = status;
        if (!await _writer!.TryWriteAsync(context, Problem(context, status, Message(body), errors: null)))
        {
            ProblemContent.Declined(context);
            ResultWriter.WriteBytes(context, status, ProblemContentType, Compose(context, status, body).WrittenSpan);
        }
    }

    /// <summary>The members Pulya writes, for the application's writer.</summary>
    private static PulyaProblem Problem(PulyaContext context, int status, string? detail, IReadOnlyDictionary<string, string[]>? errors) => new()
    {
        Status = status,
        Type = TypeFor(status),
        Title = errors is null ? ReasonPhrases.GetReasonPhrase(status) : ValidationTitle,
        Detail = detail,
        Instance = context.Path,
        TraceId = TraceId(context),
        Errors = errors,
        Exception = status == 500 ? context.Failure : null,
    };

    /// <summary>The Problem Details object: its head, then <c>instance</c> (the request path) and <c>traceId</c>.</summary>
    private ArrayBufferWriter<byte> Compose(PulyaContext context, int status, byte[] body)
    {
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(512);
        buffer.ResetWrittenCount();
        buffer.Write(_heads!.TryGetValue(body, out var head) ? head : Head(status, Message(body)));
        var writer = t_writer ??= new Utf8JsonWriter(buffer, WriterOptions);
        buffer.Write(",\"instance\":"u8);
        writer.Reset(buffer);
        writer.WriteStringValue(context.Path);
        writer.Flush();
        // The request's trace (W3C id of its activity) when it is traced, else the server's request identifier.
        if (TraceId(context) is { } traceId)
        {
            buffer.Write(",\"traceId\":"u8);
            writer.Reset(buffer);
            writer.WriteStringValue(traceId);
            writer.Flush();
        }

        buffer.Write("}"u8);
        return buffer;
    }

    /// <summary>The message of a Pulya body, <c>{"error":message}</c>.</summary>
    private static string Message(byte[] body)
    {
        var reader = new Utf8JsonReader(body);
        reader.Read(); // {
        reader.Read(); // "error"
        reader.Read();
        return reader.GetString()!;
    }

    /// <summary><c>{"type":…,"title":…,"status":…,"detail":…</c>, left open for the per-request members.</summary>
    private static byte[] Head(int status, string detail)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("type", TypeFor(status));
            writer.WriteString("title", ReasonPhrases.GetReasonPhrase(status));
            writer.WriteNumber("status", status);
            writer.WriteString("detail", detail);
            writer.Flush();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>The RFC 9110 section defining <paramref name="status"/>, as ASP.NET Core links it; <c>about:blank</c> for others.</summary>
    private static string TypeFor(int status) => Types.TryGetValue(status, out var type) ? type : "about:blank";
}
