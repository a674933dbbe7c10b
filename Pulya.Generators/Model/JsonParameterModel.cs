namespace Pulya.Generators.Model;

/// <summary>A parameter of a described type's deserialization constructor.</summary>
/// <param name="Name">The parameter's name, matched with a property by the serializer.</param>
/// <param name="Type">The fully qualified parameter type.</param>
/// <param name="DefaultValue">The declared default as a C# expression, or null when there is none.</param>
internal sealed record JsonParameterModel(string Name, string Type, string? DefaultValue);
