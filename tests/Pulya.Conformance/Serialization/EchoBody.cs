namespace Pulya.Conformance.Serialization;

/// <summary>The body of <c>POST /echo</c>: a list of small objects of seven strings, the shape the benchmarks post.</summary>
public sealed class EchoBody
{
    public List<EchoItem> Items { get; set; } = [];
}
