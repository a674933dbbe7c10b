namespace Pulya.Testing.Conformance.Serialization;

// Test data shapes: each member is named for the value it carries, and the type is documented.
#pragma warning disable CS1591

/// <summary>The shapes every serializer must round-trip: plain classes and records without attributes, as handlers use them.</summary>
public static class ConformanceModels
{
    public enum Kind
    {
        First,
        SecondValue,
    }

    public sealed record Person(int Id, string Name, string? Nickname, Kind Kind);

    public sealed class Order
    {
        public int Number { get; set; }

        public string? Note { get; set; }

        public Kind Kind { get; set; }

        public Person? Customer { get; set; }

        public List<Line> Lines { get; set; } = [];

        public Dictionary<string, int> Counts { get; set; } = [];

        public Dictionary<string, Person> People { get; set; } = [];

        public List<string?> Tags { get; set; } = [];

        public int? Optional { get; set; }

        public bool Paid { get; set; }

        public DateTime Created { get; set; }

        public Guid Reference { get; set; }
    }

    public sealed class Line
    {
        public string Sku { get; set; } = string.Empty;

        public int Quantity { get; set; }

        public decimal Price { get; set; }
    }

    public sealed class Numbers
    {
        public int Int { get; set; }

        public int MinInt { get; set; }

        public long Long { get; set; }

        public ulong ULong { get; set; }

        public double Double { get; set; }

        public double Whole { get; set; }

        public float Single { get; set; }

        public decimal Decimal { get; set; }

        public byte Byte { get; set; }

        public short Short { get; set; }
    }

    public sealed class Texts
    {
        public string? Value { get; set; }

        public List<string> Values { get; set; } = [];
    }

    public sealed class Node
    {
        public Node? Child { get; set; }

        public int Depth()
        {
            var depth = 1;
            for (var node = Child; node is not null; node = node.Child)
            {
                depth++;
            }

            return depth;
        }
    }
}
