namespace Pulya.Generators.Model;

/// <summary>One type the generated JSON resolver describes; C# fragments only, so the model compares by value.</summary>
/// <param name="Type">The fully qualified type.</param>
/// <param name="Kind">The metadata factory.</param>
/// <param name="Argument">The converter's name (<see cref="JsonTypeKind.Value"/>), the underlying type (nullable) or the element or value type (collections); null otherwise.</param>
/// <param name="Key">The key type of a dictionary; null otherwise.</param>
/// <param name="IsValueType">Whether the type is a struct (setters unbox).</param>
/// <param name="Creation">How an object is created: <c>none</c> (no constructor), <c>default</c> (parameterless) or <c>parameters</c>.</param>
/// <param name="BypassRequired">Whether the type has <c>required</c> members its constructor does not set: generated code creates it through an accessor (the compiler would insist on setting them; the serializer checks them instead).</param>
/// <param name="Parameters">The deserialization constructor's parameters.</param>
/// <param name="Properties">The serialized properties, in the order reflection lists them.</param>
internal sealed record JsonTypeModel(
    string Type,
    JsonTypeKind Kind,
    string? Argument,
    string? Key,
    bool IsValueType,
    string Creation,
    bool BypassRequired,
    EquatableArray<JsonParameterModel> Parameters,
    EquatableArray<JsonPropertyModel> Properties);
