namespace Pulya.Generators.Model;

/// <summary>A body or result type whose JSON metadata is left to reflection, and why.</summary>
/// <param name="Anonymous">Whether the type is an anonymous result type (reported as PULYA003, else PULYA004).</param>
/// <param name="Type">The type as the user reads it.</param>
/// <param name="Reason">Why the generator does not describe it.</param>
/// <param name="Location">The map call that uses it.</param>
internal sealed record JsonTypeProblem(bool Anonymous, string Type, string Reason, LocationInfo Location);
