namespace Pulya.Generators.Model;

/// <summary>A property of a described object type.</summary>
/// <param name="Name">The CLR name.</param>
/// <param name="Type">The fully qualified property type.</param>
/// <param name="DeclaringType">The fully qualified declaring type.</param>
/// <param name="JsonName">The name from <c>[JsonPropertyName]</c>, or null (the naming policy applies).</param>
/// <param name="HasGetter">Whether the getter is public.</param>
/// <param name="Setter">The public setter: <c>none</c>, <c>set</c> or <c>init</c> (called through an accessor).</param>
/// <param name="IsVirtual">Whether the property is virtual, abstract or an override.</param>
/// <param name="IgnoreCondition">The <c>[JsonIgnore]</c> condition as a number, or null.</param>
/// <param name="Required">Whether the property is required (<c>required</c> or <c>[JsonRequired]</c>).</param>
internal sealed record JsonPropertyModel(
    string Name,
    string Type,
    string DeclaringType,
    string? JsonName,
    bool HasGetter,
    string Setter,
    bool IsVirtual,
    int? IgnoreCondition,
    bool Required);
