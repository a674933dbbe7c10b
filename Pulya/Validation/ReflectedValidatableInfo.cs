using System.ComponentModel.DataAnnotations;
using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Validation;

namespace Pulya.Validation;

/// <summary>A type's validation, as read from its members at start-up: the members to validate and the type's own attributes.</summary>
internal sealed class ReflectedValidatableTypeInfo(
    [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.Interfaces)] Type type,
    IReadOnlyList<ReflectedValidatablePropertyInfo> members,
    ValidationAttribute[] attributes) : ValidatableTypeInfo(type, members)
{
    /// <summary>The members by CLR name, to name errors as the JSON contract does.</summary>
    public IReadOnlyList<ReflectedValidatablePropertyInfo> Properties { get; } = members;

    protected override ValidationAttribute[] GetValidationAttributes() => attributes;
}

/// <summary>A property to validate: its attributes (a record's primary-constructor parameter's included) and its JSON name.</summary>
internal sealed class ReflectedValidatablePropertyInfo(
    [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicProperties)] Type declaringType,
    Type propertyType,
    string name,
    string displayName,
    string? jsonName,
    ValidationAttribute[] attributes) : ValidatablePropertyInfo(declaringType, propertyType, name, displayName)
{
    /// <summary>The CLR name.</summary>
    public string ClrName { get; } = name;

    /// <summary>The type of the property.</summary>
    public Type Type { get; } = propertyType;

    /// <summary>The name <c>[JsonPropertyName]</c> gives, or null to apply the naming policy.</summary>
    public string? JsonName { get; } = jsonName;

    protected override ValidationAttribute[] GetValidationAttributes() => attributes;
}

/// <summary>A handler parameter to validate, under the name its value is bound by.</summary>
internal sealed class ReflectedValidatableParameterInfo(Type parameterType, string name, string displayName, ValidationAttribute[] attributes)
    : ValidatableParameterInfo(parameterType, name, displayName)
{
    protected override ValidationAttribute[] GetValidationAttributes() => attributes;
}
