namespace Pulya.Http;

/// <summary>The content of a <see cref="Response.EventStream"/> response: the producer the result writer runs.</summary>
internal sealed class EventStreamContent(Func<EventStreamWriter, CancellationToken, Task> producer)
{
    public Func<EventStreamWriter, CancellationToken, Task> Producer { get; } = producer;
}
