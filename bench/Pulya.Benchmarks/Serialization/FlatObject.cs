namespace Pulya.Benchmarks.Serialization;

/// <summary>The small payload: one flat object.</summary>
public sealed record FlatObject(int Id, string Name, string Email, bool Active, double Score, DateTime Created);
