namespace Pulya.Http;

/// <summary>
/// An error of Pulya's error table in RFC 9457 Problem Details shape (<c>Pulya:Errors=ProblemDetails</c>), before it is
/// written: the members Pulya's own writer puts in the body, handed to an <see cref="IProblemWriter"/>.
/// </summary>
public sealed class PulyaProblem
{
    /// <summary>The status (also already set on the response when the writer is called).</summary>
    public required int Status { get; init; }

    /// <summary>The RFC 9110 section of the status (as ASP.NET Core links it), or <c>about:blank</c>.</summary>
    public required string Type { get; init; }

    /// <summary>The status's reason phrase, or the validation title.</summary>
    public required string Title { get; init; }

    /// <summary>The message Pulya's own shape carries in <c>error</c>; null for a validation failure.</summary>
    public string? Detail { get; init; }

    /// <summary>The request path.</summary>
    public required string Instance { get; init; }

    /// <summary>The W3C id of the request's activity when it is traced, else the server's request identifier; null without either.</summary>
    public string? TraceId { get; init; }

    /// <summary>For a validation failure (400), every failing member with its messages; otherwise null.</summary>
    public IReadOnlyDictionary<string, string[]>? Errors { get; init; }

    /// <summary>For a 500, the exception that caused it (already logged); otherwise null.</summary>
    public Exception? Exception { get; init; }
}
