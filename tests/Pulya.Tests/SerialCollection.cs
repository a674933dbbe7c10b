namespace Pulya.Tests;

/// <summary>Tests that observe process-wide events (buffer pool rentals) run alone, so no other test adds to what they see.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SerialCollection
{
    public const string Name = "Serial";
}
