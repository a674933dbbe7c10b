namespace Pulya.Conformance.Serialization;

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
