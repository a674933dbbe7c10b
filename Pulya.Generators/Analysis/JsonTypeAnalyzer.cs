using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Pulya.Generators.Model;

namespace Pulya.Generators.Analysis;

/// <summary>
/// Describes body and result types for the generated JSON resolver with the rules System.Text.Json's reflection applies
/// (public properties, the deserialization constructor, <c>[JsonPropertyName]</c>, <c>[JsonIgnore]</c>, required members),
/// walking into property, element and constructor parameter types. A type it cannot describe exactly is left to
/// reflection and reported with the reason.
/// </summary>
internal sealed class JsonTypeAnalyzer(Compilation compilation)
{
    private const string JsonNamespace = "System.Text.Json.Serialization";

    private static readonly Dictionary<string, string> Converters = new()
    {
        ["bool"] = "Boolean", ["byte"] = "Byte", ["sbyte"] = "SByte", ["char"] = "Char", ["short"] = "Int16", ["ushort"] = "UInt16",
        ["int"] = "Int32", ["uint"] = "UInt32", ["long"] = "Int64", ["ulong"] = "UInt64", ["float"] = "Single", ["double"] = "Double",
        ["decimal"] = "Decimal", ["string"] = "String", ["object"] = "Object", ["dynamic"] = "Object", ["byte[]"] = "ByteArray", ["System.Half"] = "Half",
        ["System.Int128"] = "Int128", ["System.UInt128"] = "UInt128", ["System.Guid"] = "Guid", ["System.DateTime"] = "DateTime",
        ["System.DateTimeOffset"] = "DateTimeOffset", ["System.DateOnly"] = "DateOnly", ["System.TimeOnly"] = "TimeOnly",
        ["System.TimeSpan"] = "TimeSpan", ["System.Uri"] = "Uri", ["System.Version"] = "Version",
        ["System.Text.Json.JsonElement"] = "JsonElement", ["System.Text.Json.JsonDocument"] = "JsonDocument",
        ["System.Text.Json.Nodes.JsonNode"] = "JsonNode", ["System.Text.Json.Nodes.JsonObject"] = "JsonObject",
        ["System.Text.Json.Nodes.JsonArray"] = "JsonArray", ["System.Text.Json.Nodes.JsonValue"] = "JsonValue",
    };

    private static readonly Dictionary<string, JsonTypeKind> Collections = new()
    {
        ["System.Collections.Generic.List<T>"] = JsonTypeKind.List,
        ["System.Collections.Generic.Dictionary<TKey, TValue>"] = JsonTypeKind.Dictionary,
        ["System.Collections.Generic.IEnumerable<T>"] = JsonTypeKind.IEnumerable,
        ["System.Collections.Generic.IReadOnlyCollection<T>"] = JsonTypeKind.IEnumerable,
        ["System.Collections.Generic.IReadOnlyList<T>"] = JsonTypeKind.IEnumerable,
        ["System.Collections.Generic.IList<T>"] = JsonTypeKind.IList,
        ["System.Collections.Generic.ICollection<T>"] = JsonTypeKind.ICollection,
        ["System.Collections.Generic.IDictionary<TKey, TValue>"] = JsonTypeKind.IDictionary,
        ["System.Collections.Generic.IReadOnlyDictionary<TKey, TValue>"] = JsonTypeKind.IReadOnlyDictionary,
    };

    private readonly HashSet<string> _seen = [];
    private readonly List<JsonTypeModel> _types = [];
    private readonly List<JsonTypeProblem> _problems = [];

    public ImmutableArray<JsonTypeModel> Types => [.. _types];

    public ImmutableArray<JsonTypeProblem> Problems => [.. _problems];

    /// <summary>Whether <paramref name="type"/> (or a type it is built from) is anonymous.</summary>
    public static bool IsAnonymous(ITypeSymbol type) => type switch
    {
        IArrayTypeSymbol array => IsAnonymous(array.ElementType),
        INamedTypeSymbol { IsAnonymousType: true } => true,
        INamedTypeSymbol named => named.TypeArguments.Any(IsAnonymous),
        _ => false,
    };

    /// <summary>Adds <paramref name="type"/> and the types it is made of; a problem is reported at <paramref name="location"/> unless <paramref name="quiet"/>.</summary>
    public void Add(ITypeSymbol type, LocationInfo location, bool quiet = false)
    {
        if (quiet)
        {
            // A parameter that may be a service: described only when all of it can be, and never reported.
            var trial = new JsonTypeAnalyzer(compilation);
            var failed = new List<(string, string)>();
            trial.Describe(type, failed);
            _types.AddRange(failed.Count == 0 ? trial._types : []);
            return;
        }

        var problems = new List<(string Type, string Reason)>();
        Describe(type, problems);
        _problems.AddRange(problems.Select(p => new JsonTypeProblem(false, p.Type, p.Reason, location)));
    }

    /// <summary>Reports an anonymous result type, whose metadata cannot be generated.</summary>
    public void AddAnonymous(ITypeSymbol type, LocationInfo location) =>
        _problems.Add(new JsonTypeProblem(true, type.ToDisplayString(), "it is anonymous", location));

    private void Describe(ITypeSymbol type, List<(string, string)> problems)
    {
        // Registered before the members are walked, so a type that refers to itself ends the walk.
        if (!_seen.Add(Display(type)))
        {
            return;
        }

        var model = Model(type, out var reason, problems);
        if (model is null)
        {
            problems.Add((type.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString(), reason!));
            return;
        }

        _types.Add(model);
    }

    private JsonTypeModel? Model(ITypeSymbol type, out string? reason, List<(string, string)> problems)
    {
        // Every type reaching here can be named: roots were checked by the endpoint analysis, members before their walk.
        reason = null;
        var name = Display(type);
        var display = type.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString();
        if (Converters.TryGetValue(display, out var converter))
        {
            if (converter == "Object")
            {
                // An object member is read as a JsonElement, and written by its runtime type: that one at least is known.
                Describe(compilation.GetTypeByMetadataName("System.Text.Json.JsonElement")!, problems);
            }

            return Simple(name, JsonTypeKind.Value, converter + "Converter");
        }

        if (type is IArrayTypeSymbol array)
        {
            if (array.Rank != 1)
            {
                reason = "it is a multi-dimensional array";
                return null;
            }

            Describe(array.ElementType, problems);
            return Simple(name, JsonTypeKind.Array, Display(array.ElementType));
        }

        var named = (INamedTypeSymbol)type;
        if (named.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T)
        {
            Describe(named.TypeArguments[0], problems);
            return Simple(name, JsonTypeKind.Nullable, Display(named.TypeArguments[0]));
        }

        if (named.TypeKind == TypeKind.Enum)
        {
            reason = Attributes(named);
            return reason is null ? Simple(name, JsonTypeKind.Enum, null) : null;
        }

        if (Collections.TryGetValue(named.OriginalDefinition.ToDisplayString(), out var kind))
        {
            foreach (var argument in named.TypeArguments)
            {
                Describe(argument, problems);
            }

            var dictionary = named.TypeArguments.Length == 2;
            return new JsonTypeModel(name, kind, Display(named.TypeArguments[dictionary ? 1 : 0]), dictionary ? Display(named.TypeArguments[0]) : null, false, "none", false, default, default);
        }

        reason = IsPulya(named) ? "it is a Pulya type"
            : named.ContainingNamespace?.ToDisplayString() is { } ns && (ns == "System" || ns.StartsWith("System.", System.StringComparison.Ordinal) || ns.StartsWith("Microsoft.", System.StringComparison.Ordinal))
            ? "it is a framework type the generator does not describe"
            : named.TypeKind == TypeKind.Interface || named.IsAbstract ? "it is an interface or an abstract type"
            : named.TypeKind is not (TypeKind.Class or TypeKind.Struct) ? "it is not a class, a struct or a record"
            : Attributes(named);
        return reason is null ? Object(named, out reason, problems) : null;
    }

    private JsonTypeModel? Object(INamedTypeSymbol type, out string? reason, List<(string, string)> problems)
    {
        reason = null;
        var constructor = Constructor(type);
        if (constructor is null)
        {
            reason = "it has no public parameterless constructor, no single public constructor and no public [JsonConstructor]";
            return null;
        }

        var properties = new List<JsonPropertyModel>();
        var names = new HashSet<string>();
        var setsRequired = constructor.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == "System.Diagnostics.CodeAnalysis.SetsRequiredMembersAttribute");
        foreach (var property in Properties(type))
        {
            if (!names.Add(property.Name))
            {
                continue;
            }

            var attributes = property.GetAttributes().Where(a => a.AttributeClass?.ContainingNamespace?.ToDisplayString() == JsonNamespace).ToList();
            if (attributes.FirstOrDefault(a => a.AttributeClass!.Name is not ("JsonPropertyNameAttribute" or "JsonIgnoreAttribute" or "JsonRequiredAttribute")) is { } other)
            {
                reason = $"its property {property.Name} has [{other.AttributeClass!.Name.Replace("Attribute", string.Empty)}], which the generator leaves to reflection";
                return null;
            }

            if (Unnameable(property.Type) is { } problem)
            {
                reason = $"its property {property.Name} {problem.Replace("it ", string.Empty)}";
                return null;
            }

            var ignore = attributes.FirstOrDefault(a => a.AttributeClass!.Name == "JsonIgnoreAttribute");
            int? condition = ignore is null ? null : ignore.NamedArguments.Where(a => a.Key == "Condition").Select(a => (int?)(int)a.Value.Value!).FirstOrDefault() ?? 1;
            var jsonName = attributes.FirstOrDefault(a => a.AttributeClass!.Name == "JsonPropertyNameAttribute")?.ConstructorArguments[0].Value as string;
            var getter = property.GetMethod is { DeclaredAccessibility: Accessibility.Public };
            var setter = property.SetMethod is not { DeclaredAccessibility: Accessibility.Public } set ? "none" : set.IsInitOnly ? "init" : "set";
            if (setter == "init" && constructor.Parameters.Any(p => string.Equals(p.Name, property.Name, System.StringComparison.OrdinalIgnoreCase)))
            {
                // Set through the constructor, as the serializer does for a property matching a parameter.
                setter = "none";
            }
            else if (setter == "init" && type.IsGenericType)
            {
                // The accessor that calls an init setter cannot name a generic type's member (its signature uses the type parameter).
                reason = $"its property {property.Name} is init-only in a generic type, which generated code cannot set";
                return null;
            }

            var required = attributes.Any(a => a.AttributeClass!.Name == "JsonRequiredAttribute") || (property.IsRequired && !setsRequired);
            if (condition == 1)
            {
                // Always ignored: its name matches nothing, as with reflection, and its type (the serializer would
                // still resolve it for a listed property) need not be describable.
                continue;
            }

            Describe(property.Type, problems);
            properties.Add(new JsonPropertyModel(property.Name, Display(property.Type), Display(property.ContainingType), jsonName, getter, setter,
                property.IsVirtual || property.IsOverride || property.IsAbstract, condition, required));
        }

        var parameters = new List<JsonParameterModel>();
        foreach (var parameter in constructor.Parameters)
        {
            if (Unnameable(parameter.Type) is { } problem)
            {
                reason = $"its constructor parameter {parameter.Name} {problem.Replace("it ", string.Empty)}";
                return null;
            }

            Describe(parameter.Type, problems);
            parameters.Add(new JsonParameterModel(parameter.Name, Display(parameter.Type), EndpointAnalyzer.DefaultValue(parameter)));
        }

        var creation = parameters.Count > 0 ? "parameters" : "default";
        var bypass = !setsRequired && Properties(type).Any(p => p.IsRequired);
        return new JsonTypeModel(Display(type), JsonTypeKind.Object, null, null, type.IsValueType, creation, bypass, new EquatableArray<JsonParameterModel>([.. parameters]), new EquatableArray<JsonPropertyModel>([.. properties]));
    }

    /// <summary>The constructor reflection deserializes with: <c>[JsonConstructor]</c>, else the public parameterless one, else the only public one.</summary>
    private static IMethodSymbol? Constructor(INamedTypeSymbol type)
    {
        var constructors = type.InstanceConstructors.Where(c => c.DeclaredAccessibility == Accessibility.Public).ToList();
        return constructors.FirstOrDefault(c => c.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == JsonNamespace + ".JsonConstructorAttribute"))
            ?? constructors.FirstOrDefault(c => c.Parameters.Length == 0)
            ?? (constructors.Count == 1 ? constructors[0] : null);
    }

    /// <summary>The public instance properties, the most derived declaration of each name first, declared order within a type.</summary>
    private static IEnumerable<IPropertySymbol> Properties(INamedTypeSymbol type)
    {
        for (var current = type; current is not null && current.SpecialType is not (SpecialType.System_Object or SpecialType.System_ValueType); current = current.BaseType)
        {
            foreach (var property in current.GetMembers().OfType<IPropertySymbol>())
            {
                if (!property.IsStatic && !property.IsIndexer && property.DeclaredAccessibility == Accessibility.Public
                    && (property.GetMethod?.DeclaredAccessibility == Accessibility.Public || property.SetMethod?.DeclaredAccessibility == Accessibility.Public))
                {
                    yield return property;
                }
            }
        }
    }

    /// <summary>Why the type's own System.Text.Json attributes keep it on reflection, or null.</summary>
    private static string? Attributes(INamedTypeSymbol type) =>
        type.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ContainingNamespace?.ToDisplayString() == JsonNamespace) is { } attribute
            ? $"it has [{attribute.AttributeClass!.Name.Replace("Attribute", string.Empty)}], which the generator leaves to reflection"
            : type.GetMembers().OfType<IFieldSymbol>().FirstOrDefault(f => f.GetAttributes().Any(a => a.AttributeClass?.ContainingNamespace?.ToDisplayString() == JsonNamespace)) is { } field
            ? $"its field {field.Name} has System.Text.Json attributes ([JsonInclude]...), which the generator leaves to reflection"
            : null;

    /// <summary>
    /// Why generated code cannot name <paramref name="type"/>, or null. Roots were checked by the endpoint analysis
    /// (anonymous, inaccessible); members are as accessible as their public property, but can be pointers or ref structs.
    /// </summary>
    private static string? Unnameable(ITypeSymbol type) => type switch
    {
        IArrayTypeSymbol array => Unnameable(array.ElementType),
        INamedTypeSymbol { IsRefLikeType: true } => "it is a ref struct",
        INamedTypeSymbol named => named.TypeArguments.Select(Unnameable).FirstOrDefault(p => p is not null),
        IDynamicTypeSymbol => null,
        _ => "it is a pointer or cannot be named in generated code",
    };

    /// <summary>Whether the type comes from one of Pulya's assemblies (requests, responses, services: never JSON bodies).</summary>
    public bool IsPulya(ITypeSymbol type) =>
        !SymbolEqualityComparer.Default.Equals(type.ContainingAssembly, compilation.Assembly)
        && type.ContainingAssembly?.Name is { } assembly && (assembly == "Pulya" || assembly.StartsWith("Pulya.", System.StringComparison.Ordinal));

    private static JsonTypeModel Simple(string name, JsonTypeKind kind, string? argument) => new(name, kind, argument, null, false, "none", false, default, default);

    private static string Display(ITypeSymbol type) =>
        type.TypeKind == TypeKind.Dynamic ? "object" : type.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
}
