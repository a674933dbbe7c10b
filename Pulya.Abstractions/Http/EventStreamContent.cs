namespace Pulya.Http;

/// <summary>
/// The content of a <see cref="Response.EventStream"/> response: the producer the core's result writer runs. Public so
/// that hosts and modules can recognise it; create it with <see cref="Response.EventStream"/>.
/// </summary>
/// <param name="producer">Writes the events.</param>
public sealed class EventStreamContent(Func<EventStreamWriter, CancellationToken, Task> producer)
{
    /// <summary>The producer of the events.</summary>
    public Func<EventStreamWriter, CancellationToken, Task> Producer { get; } = producer;
}
