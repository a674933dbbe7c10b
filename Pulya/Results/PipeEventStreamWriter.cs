using System.Text;
using Microsoft.Net.Http.Headers;
using Pulya.Http;
using Pulya.Pipeline;

namespace Pulya.Results;

/// <summary>
/// Server-sent events written into the response writer: each event is encoded as UTF-8 in the
/// <c>text/event-stream</c> format (<c>event:</c>, <c>id:</c>, one <c>data:</c> line per line of data, a blank line) and flushed.
/// </summary>
internal sealed class PipeEventStreamWriter : EventStreamWriter
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private static readonly char[] LineBreaks = ['\r', '\n'];
    private readonly PulyaContext _context;
    private readonly ProducerLifetime _lifetime;
    private readonly StringBuilder _event = new();

    private PipeEventStreamWriter(PulyaContext context, ProducerLifetime lifetime)
    {
        _context = context;
        _lifetime = lifetime;
    }

    /// <summary>Runs <paramref name="producer"/> with a writer on the response; the headers leave with its first write.</summary>
    public static async Task RunAsync(PulyaContext context, int status, string contentType, Func<EventStreamWriter, CancellationToken, Task> producer)
    {
        context.Response.StatusCode = status;
        context.Response.Headers.ContentType = contentType;
        context.Response.Headers.CacheControl = "no-cache";
        if (context.IsHead)
        {
            return;
        }

        context.ResponseBody.DisableBuffering();
        using var lifetime = new ProducerLifetime(context);
        await producer(new PipeEventStreamWriter(context, lifetime), lifetime.Token);
    }

    public override ValueTask WriteAsync(string data, string? eventName = null, string? id = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        _event.Clear();
        AppendField("event", eventName);
        AppendField("id", id);
        foreach (var line in data.ReplaceLineEndings("\n").Split('\n'))
        {
            _event.Append("data: ").Append(line).Append('\n');
        }

        return SendAsync();
    }

    public override ValueTask WriteCommentAsync(string comment)
    {
        ArgumentNullException.ThrowIfNull(comment);
        RequireSingleLine(comment, nameof(comment));
        _event.Clear().Append(": ").Append(comment).Append('\n');
        return SendAsync();
    }

    private void AppendField(string field, string? value)
    {
        if (value is not null)
        {
            RequireSingleLine(value, field == "id" ? "id" : "eventName");
            _event.Append(field).Append(": ").Append(value).Append('\n');
        }
    }

    private static void RequireSingleLine(string value, string parameter)
    {
        if (value.IndexOfAny(LineBreaks) >= 0)
        {
            throw new ArgumentException("A server-sent event field cannot contain a line break.", parameter);
        }
    }

    private ValueTask SendAsync()
    {
        var text = _event.Append('\n').ToString();
        var writer = _context.ResponseBody.Writer;
        writer.Advance(Utf8.GetBytes(text, writer.GetSpan(Utf8.GetByteCount(text))));

        _context.BodyStarted = true;
        return _lifetime.FlushAsync();
    }
}
