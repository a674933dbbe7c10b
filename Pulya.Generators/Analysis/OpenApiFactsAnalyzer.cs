using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Pulya.Generators.Model;

namespace Pulya.Generators.Analysis;

/// <summary>
/// Reads what an OpenAPI schema needs and System.Text.Json's metadata does not carry: whether each serialized member of
/// the object types the JSON resolver describes is annotated nullable (as the declaration says, which is what reflection's
/// <c>NullabilityInfoContext</c> reads), walking from the handler's parameters and result into members and type arguments.
/// </summary>
internal static class OpenApiFactsAnalyzer
{
    public static ImmutableArray<OpenApiMemberFacts> Collect(ImmutableArray<JsonTypeModel> jsonTypes, IMethodSymbol handler, ITypeSymbol? result)
    {
        var objects = jsonTypes.Where(static t => t.Kind == JsonTypeKind.Object).GroupBy(static t => t.Type).ToDictionary(static g => g.Key, static g => g.First());
        var facts = ImmutableArray.CreateBuilder<OpenApiMemberFacts>();
        if (objects.Count == 0)
        {
            return facts.ToImmutable();
        }

        var visited = new HashSet<ITypeSymbol>(SymbolEqualityComparer.Default);
        var pending = new Stack<ITypeSymbol>(handler.Parameters.Select(static p => p.Type));
        if (result is not null)
        {
            pending.Push(result);
        }

        while (pending.Count > 0)
        {
            var type = pending.Pop().WithNullableAnnotation(NullableAnnotation.NotAnnotated);
            if (!visited.Add(type))
            {
                continue;
            }

            if (type is IArrayTypeSymbol array)
            {
                pending.Push(array.ElementType);
                continue;
            }

            if (type is not INamedTypeSymbol named)
            {
                continue;
            }

            foreach (var argument in named.TypeArguments)
            {
                pending.Push(argument);
            }

            if (!objects.TryGetValue(named.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat), out var model))
            {
                continue;
            }

            var members = ImmutableArray.CreateBuilder<OpenApiMember>(model.Properties.Count);
            foreach (var property in model.Properties)
            {
                var symbol = Find(named, property.Name);
                pending.Push(symbol.Type);
                var nullable = symbol.Type.IsReferenceType && symbol.OriginalDefinition.Type.NullableAnnotation == NullableAnnotation.Annotated;
                members.Add(new OpenApiMember(property.JsonName ?? property.Name, nullable));
            }

            facts.Add(new OpenApiMemberFacts(model.Type, new EquatableArray<OpenApiMember>(members.MoveToImmutable())));
        }

        return facts.ToImmutable();
    }

    /// <summary>The most derived public property of that name (the JSON model lists only such properties).</summary>
    private static IPropertySymbol Find(INamedTypeSymbol type, string name)
    {
        for (var current = type; ; current = current.BaseType!)
        {
            if (current.GetMembers(name).OfType<IPropertySymbol>().FirstOrDefault(static p => !p.IsStatic && !p.IsIndexer) is { } property)
            {
                return property;
            }
        }
    }
}
