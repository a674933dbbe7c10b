namespace Pulya.Generators.Model;

/// <summary>Whether each serialized member of an object type is annotated nullable, for the OpenAPI schemas.</summary>
/// <param name="Type">The fully qualified object type.</param>
/// <param name="Members">Each member's name as serialized without a naming policy, and whether it is annotated nullable.</param>
internal sealed record OpenApiMemberFacts(string Type, EquatableArray<OpenApiMember> Members);

/// <summary>One serialized member: its name without a naming policy (<c>[JsonPropertyName]</c>, else the member's name) and whether it is annotated nullable.</summary>
internal sealed record OpenApiMember(string Name, bool Nullable);
