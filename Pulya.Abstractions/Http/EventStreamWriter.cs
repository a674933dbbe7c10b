namespace Pulya.Http;

/// <summary>
/// Writes server-sent events (<c>text/event-stream</c>) to the client of a <see cref="Response.EventStream"/> response.
/// Each call writes one complete event and flushes it. The response headers leave with the first event or comment, so a
/// producer that fails before writing anything still gets a clean error response; after that a failure aborts the
/// connection. Not thread-safe: write from one producer at a time.
/// </summary>
public abstract class EventStreamWriter
{
    /// <summary>Writes an event with <paramref name="data"/> (several lines become several <c>data:</c> fields) and flushes it.</summary>
    /// <param name="data">The event data.</param>
    /// <param name="eventName">The <c>event:</c> field (the event type); none when null.</param>
    /// <param name="id">The <c>id:</c> field (the client's last event id); none when null.</param>
    /// <exception cref="ArgumentException"><paramref name="eventName"/> or <paramref name="id"/> contains a line break.</exception>
    public abstract ValueTask WriteAsync(string data, string? eventName = null, string? id = null);

    /// <summary>Writes a comment line (<c>: text</c>), which clients ignore: a keep-alive, or a way to send the headers early.</summary>
    /// <exception cref="ArgumentException"><paramref name="comment"/> contains a line break.</exception>
    public abstract ValueTask WriteCommentAsync(string comment);
}
