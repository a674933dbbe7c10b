using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Pulya.Generators.Analysis;

/// <summary>
/// Finds the types whose members validation reads for a body parameter: the parameter's type and every type it reaches
/// through public properties and collection items, when any of them has rules (a DataAnnotations attribute on the type,
/// a property or a primary-constructor parameter, or <c>IValidatableObject</c>). Framework types (<c>System</c>,
/// <c>Microsoft</c>) are not walked, and a type generated code cannot name is left out (validation then reads it by
/// reflection, which trimming may have stripped).
/// </summary>
internal static class ValidationTypeAnalyzer
{
    private const string ValidationAttribute = "System.ComponentModel.DataAnnotations.ValidationAttribute";
    private const string ValidatableObject = "System.ComponentModel.DataAnnotations.IValidatableObject";

    /// <summary>The reachable types of <paramref name="type"/> (fully qualified), empty when none has rules.</summary>
    public static ImmutableArray<string> Collect(Compilation compilation, ITypeSymbol type)
    {
        var reached = new List<INamedTypeSymbol>();
        Walk(type, reached);
        return reached.Any(HasRules)
            ? [.. reached.Where(t => !t.IsFileLocal && compilation.IsSymbolAccessibleWithin(t, compilation.Assembly))
                .Select(t => t.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat))]
            : [];
    }

    private static void Walk(ITypeSymbol type, List<INamedTypeSymbol> reached)
    {
        if (type is IArrayTypeSymbol array)
        {
            Walk(array.ElementType, reached);
            return;
        }

        if (type is not INamedTypeSymbol named || named.SpecialType != SpecialType.None || named.TypeKind is TypeKind.Enum or TypeKind.Delegate)
        {
            return;
        }

        // Generic collections and Nullable<T> are the framework's; their type arguments may be the application's.
        foreach (var argument in named.TypeArguments)
        {
            Walk(argument, reached);
        }

        if (IsFramework(named) || named.IsAnonymousType || reached.Contains(named, SymbolEqualityComparer.Default))
        {
            return;
        }

        reached.Add(named);
        foreach (var property in Properties(named))
        {
            Walk(property.Type, reached);
        }
    }

    private static IEnumerable<IPropertySymbol> Properties(INamedTypeSymbol type)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            foreach (var property in current.GetMembers().OfType<IPropertySymbol>())
            {
                if (!property.IsStatic && !property.IsIndexer && property.GetMethod is { DeclaredAccessibility: Accessibility.Public })
                {
                    yield return property;
                }
            }
        }
    }

    private static bool HasRules(INamedTypeSymbol type) =>
        type.AllInterfaces.Any(i => i.ToDisplayString() == ValidatableObject)
        || IsRule(type.GetAttributes())
        || Properties(type).Any(p => IsRule(p.GetAttributes()))
        || type.InstanceConstructors.SelectMany(c => c.Parameters).Any(p => IsRule(p.GetAttributes()));

    private static bool IsRule(ImmutableArray<AttributeData> attributes) =>
        attributes.Any(a => Inherits(a.AttributeClass, ValidationAttribute));

    private static bool Inherits(INamedTypeSymbol? type, string name)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (current.ToDisplayString() == name)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsFramework(INamedTypeSymbol type) =>
        type.ContainingNamespace?.ToDisplayString() is { } ns
        && (ns == "System" || ns.StartsWith("System.", System.StringComparison.Ordinal) || ns == "Microsoft" || ns.StartsWith("Microsoft.", System.StringComparison.Ordinal));
}
