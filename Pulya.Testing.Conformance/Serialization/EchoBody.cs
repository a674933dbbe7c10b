namespace Pulya.Testing.Conformance.Serialization;

// Test data shapes: each member is named for the value it carries, and the type is documented.
#pragma warning disable CS1591

/// <summary>The body of <c>POST /echo</c>: a list of small objects of seven strings, the shape the benchmarks post.</summary>
public sealed class EchoBody
{
    public List<EchoItem> Items { get; set; } = [];
}
