namespace Pulya.Testing.Conformance.Serialization;

// Test data shapes: each member is named for the value it carries, and the type is documented.
#pragma warning disable CS1591

/// <summary>One item of an <see cref="EchoBody"/>.</summary>
public sealed class EchoItem
{
    public string? A { get; set; }

    public string? B { get; set; }

    public string? C { get; set; }

    public string? D { get; set; }

    public string? E { get; set; }

    public string? F { get; set; }

    public string? G { get; set; }
}
