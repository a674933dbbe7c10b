using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Pulya.Generators.Model;

namespace Pulya.Generators.Analysis;

/// <summary>
/// Finds the <c>PulyaApplication.Map*</c> calls and decides, with the rules of the runtime binder, where each handler
/// parameter comes from. Anything it cannot decide at build time is reported and left to the runtime binder.
/// </summary>
internal static class EndpointAnalyzer
{
    private const string MapperType = "Pulya.Hosting.RouteMapper";

    private static readonly string[] MapMethods = ["Map", "MapGet", "MapPost", "MapPut", "MapDelete", "MapPatch"];

    /// <summary>The cheap syntactic filter: a call of a member named like a map method.</summary>
    public static bool IsCandidate(SyntaxNode node) =>
        node is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name: IdentifierNameSyntax name } }
        && Array.IndexOf(MapMethods, name.Identifier.ValueText) >= 0;

    /// <summary>The analysis of a candidate, or null when it is not a call of a Pulya map method taking a <see cref="Delegate"/>.</summary>
    public static EndpointAnalysis? Analyze(GeneratorSyntaxContext context, CancellationToken cancellationToken)
    {
        var invocation = (InvocationExpressionSyntax)context.Node;
        var model = context.SemanticModel;
        if (model.GetOperation(invocation, cancellationToken) is not IInvocationOperation operation
            || operation.TargetMethod is not { IsStatic: false } method
            || method.ContainingType.ToDisplayString() != MapperType
            || method.Parameters.Length != (method.Name == "Map" ? 3 : 2)
            || method.Parameters[method.Parameters.Length - 1].Type.ToDisplayString() != "System.Delegate")
        {
            return null;
        }

        var location = LocationInfo.From(invocation.GetLocation());
        var reason = Describe(model.Compilation, operation, out var parameters, out var handler);
        var json = new JsonTypeAnalyzer(model.Compilation);
        var result = handler is null || handler.ReturnsVoid ? null : Unwrap(handler.ReturnType);
        if (result is not null && JsonTypeAnalyzer.IsAnonymous(result))
        {
            json.AddAnonymous(result, location);
        }

        if (reason is not null)
        {
            return new EndpointAnalysis(null, location, reason, default, new EquatableArray<JsonTypeProblem>(json.Problems));
        }

        AddJsonTypes(json, method.Name, handler!, parameters, result, location);

        var returnType = handler!.ReturnsVoid ? "void" : Display(handler.ReturnType);
        var (kind, resultType) = Result(handler);
        var intercepted = model.GetInterceptableLocation(invocation, cancellationToken)!;
        var call = new EndpointCall(method.Name, intercepted.Version, intercepted.Data, Display(location), returnType, kind,
            resultType, new EquatableArray<HandlerParameter>(parameters));
        var validatable = parameters.Select((p, i) => p.Source is ParameterSource.Body or ParameterSource.ServiceOrBody
            ? ValidationTypeAnalyzer.Collect(model.Compilation, handler.Parameters[i].Type) : []).SelectMany(t => t).Distinct();
        return new EndpointAnalysis(call, null, null, new EquatableArray<JsonTypeModel>(json.Types), new EquatableArray<JsonTypeProblem>(json.Problems),
            new EquatableArray<OpenApiMemberFacts>(OpenApiFactsAnalyzer.Collect(json.Types, handler, result)), new EquatableArray<string>([.. validatable]));
    }

    /// <summary>The body types and the result type the serializer will see, described for the generated JSON resolver.</summary>
    private static void AddJsonTypes(JsonTypeAnalyzer json, string mapMethod, IMethodSymbol handler, ImmutableArray<HandlerParameter> parameters, ITypeSymbol? result, LocationInfo location)
    {
        for (var i = 0; i < parameters.Length; i++)
        {
            var type = handler.Parameters[i].Type;
            if (parameters[i].Source == ParameterSource.Body)
            {
                json.Add(type, location);
            }
            else if (parameters[i].Source == ParameterSource.ServiceOrBody && mapMethod is "Map" or "MapPost" or "MapPut" or "MapPatch")
            {
                // A body unless a service of the type is registered, which only the running application knows.
                json.Add(type, location, quiet: true);
            }
        }

        // Only values a serializer writes: text, bytes, Pulya's responses and declared interfaces (the runtime type is written) are not.
        if (result is not null && result.SpecialType is not (SpecialType.System_String or SpecialType.System_Object) && result.TypeKind is not (TypeKind.Dynamic or TypeKind.Interface)
            && !result.IsAbstract && !json.IsPulya(result) && result.ToDisplayString() is not ("byte[]" or "System.ReadOnlyMemory<byte>" or "System.IO.Stream"))
        {
            json.Add(result, location);
        }
    }

    /// <summary>The awaited type of a task's result, else the type itself.</summary>
    private static ITypeSymbol Unwrap(ITypeSymbol type) =>
        type is INamedTypeSymbol { TypeArguments.Length: 1 } named && named.ContainingNamespace?.ToDisplayString() == "System.Threading.Tasks"
            && named.OriginalDefinition.MetadataName is "Task`1" or "ValueTask`1" ? named.TypeArguments[0] : type;

    private static string? Describe(Compilation compilation, IInvocationOperation operation, out ImmutableArray<HandlerParameter> parameters, out IMethodSymbol? handler)
    {
        parameters = default;
        handler = null;
        var handlerValue = operation.Arguments.Single(a => a.Parameter!.Ordinal == operation.TargetMethod.Parameters.Length - 1).Value;
        while (handlerValue is IConversionOperation conversion)
        {
            handlerValue = conversion.Operand;
        }

        // A lambda or a method group converted to Delegate; anything else (a Delegate variable, a call) is opaque.
        handler = handlerValue is IDelegateCreationOperation { Target: IAnonymousFunctionOperation lambda } ? lambda.Symbol
            : handlerValue is IDelegateCreationOperation { Target: IMethodReferenceOperation reference } ? reference.Method
            : null;
        if (handler is null)
        {
            return "the handler is not a lambda or a method group, so its parameters are only known at run time";
        }

        if (handler.IsGenericMethod || handler.IsExtensionMethod)
        {
            return "the handler is a generic or extension method";
        }

        var template = operation.Arguments.Single(a => a.Parameter!.Name == "template").Value.ConstantValue;
        if (!template.HasValue || template.Value is not string text)
        {
            return "the route template is not a constant";
        }

        var returnProblem = handler.ReturnsVoid ? null : TypeProblem(compilation, handler.ReturnType)
            ?? (IsAsyncSequence(handler.ReturnType) || IsAsyncSequence(Awaited(handler.ReturnType))
                ? "is an asynchronous sequence, which the generator leaves to the runtime binder" : null);
        if (handler.ReturnsByRef || handler.ReturnsByRefReadonly || returnProblem is not null)
        {
            return "the handler's return type " + (returnProblem ?? "is returned by reference");
        }

        var routeNames = RouteNames(text);
        var builder = ImmutableArray.CreateBuilder<HandlerParameter>(handler.Parameters.Length);
        var bodies = 0;
        foreach (var parameter in handler.Parameters)
        {
            var problem = parameter.RefKind != RefKind.None ? "is passed by reference" : TypeProblem(compilation, parameter.Type);
            var bound = problem is null ? Bind(parameter, routeNames, out problem) : null;
            if (bound is null)
            {
                return $"parameter '{parameter.Name}' {problem}";
            }

            bodies += bound.Source == ParameterSource.Body ? 1 : 0;
            builder.Add(bound);
        }

        if (bodies > 1)
        {
            return "more than one parameter binds the request body";
        }

        parameters = builder.MoveToImmutable();
        return null;
    }

    private static HandlerParameter? Bind(IParameterSymbol parameter, List<string> routeNames, out string? problem)
    {
        problem = null;
        var type = parameter.Type;
        var name = parameter.Name;
        var optional = parameter.HasExplicitDefaultValue || IsNullableValue(type) || (type.IsReferenceType && parameter.NullableAnnotation == NullableAnnotation.Annotated);
        var typeName = type.ToDisplayString();
        var defaultValue = DefaultValue(parameter);
        var modifier = parameter.IsParams ? "params " : string.Empty;
        HandlerParameter Make(ParameterSource source, string? key = null, int routeIndex = -1, string? strategy = null, bool isImplicit = false) =>
            new(Identifier(name), Display(type), source, key, routeIndex, strategy, !optional, defaultValue, SimpleParser(type), modifier, isImplicit);

        if (typeName == "Pulya.Http.PulyaRequest")
        {
            return Make(ParameterSource.Request);
        }

        if (typeName == "System.Threading.CancellationToken")
        {
            return Make(ParameterSource.CancellationToken);
        }

        if (typeName == "System.Security.Claims.ClaimsPrincipal")
        {
            return Make(ParameterSource.User);
        }

        if (typeName == "Microsoft.AspNetCore.Http.HttpContext")
        {
            return Make(ParameterSource.HttpContext);
        }

        var attributes = parameter.GetAttributes();
        if (typeName is "System.IO.Stream" or "System.IO.Pipelines.PipeReader" or "Pulya.Http.PulyaForm" or "Pulya.Http.PulyaFile"
            || Find(attributes, "Pulya.CookieAttribute") is not null || Find(attributes, "Pulya.FormAttribute") is not null)
        {
            problem = "binds a body stream, a form or a cookie, which the generator leaves to the runtime binder";
            return null;
        }

        if (Find(attributes, "Pulya.BodyAttribute") is not null)
        {
            return Make(ParameterSource.Body);
        }

        if (Find(attributes, "Pulya.QueryAttribute") is { } query)
        {
            var key = query.ConstructorArguments.Length == 1 ? (string)query.ConstructorArguments[0].Value! : name;
            return Text(type, ParameterSource.Query, "a query value", out problem) is { } source ? Make(source, key) : null;
        }

        if (Find(attributes, "Pulya.HeaderAttribute") is { } header)
        {
            var strategy = header.NamedArguments.Where(a => a.Key == "Strategy").Select(a => $"(global::Pulya.Http.HeaderStrategy){a.Value.Value}").FirstOrDefault();
            var key = (string)header.ConstructorArguments[0].Value!;
            return Text(type, ParameterSource.Header, "a header value", out problem) is { } source ? Make(source, key, strategy: strategy) : null;
        }

        if (Find(attributes, "Pulya.ServiceAttribute") is not null)
        {
            return Make(ParameterSource.Service);
        }

        var index = routeNames.FindIndex(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase));
        if (index >= 0)
        {
            if (typeName is "string" or "string?")
            {
                return Make(ParameterSource.RouteString, name, index);
            }

            problem = $"has a type ({typeName}) the generator cannot convert from a route value";
            return SimpleParser(type) is null ? null : Make(ParameterSource.Route, name, index);
        }

        return Text(type, ParameterSource.Query, string.Empty, out _) is { } implicitSource
            ? Make(implicitSource, name, isImplicit: true)
            : Make(ParameterSource.ServiceOrBody, isImplicit: true);
    }

    /// <summary>The source for a text value (query or header): all values, the values, or one converted value.</summary>
    private static ParameterSource? Text(ITypeSymbol type, ParameterSource single, string what, out string? problem)
    {
        problem = null;
        var display = type.ToDisplayString();
        if (display is "string[]" or "string?[]" or "string[]?" or "string?[]?")
        {
            return single + 1;
        }

        if (display == "Microsoft.Extensions.Primitives.StringValues")
        {
            return single + 2;
        }

        problem = $"has a type ({display}) the generator cannot convert from {what}";
        return SimpleParser(type) is null ? null : single;
    }

    /// <summary>The parser expression for the simple types the runtime binder converts, or null for any other type.</summary>
    private static string? SimpleParser(ITypeSymbol type)
    {
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            var inner = SimpleParser(nullable.TypeArguments[0]);
            return inner is null ? null : $"global::Pulya.CompilerServices.SpanParsers.Nullable({inner})";
        }

        if (type.TypeKind == TypeKind.Enum)
        {
            return $"global::Pulya.CompilerServices.SpanParsers.Enum<{Display(type)}>()";
        }

        var name = type.SpecialType switch
        {
            SpecialType.System_String => "String",
            SpecialType.System_Int32 => "Int32",
            SpecialType.System_Int64 => "Int64",
            SpecialType.System_Boolean => "Boolean",
            SpecialType.System_Double => "Double",
            SpecialType.System_Decimal => "Decimal",
            _ => type.ToDisplayString() == "System.Guid" ? "Guid" : null,
        };
        return name is null ? null : "global::Pulya.CompilerServices.SpanParsers." + name;
    }

    private static (ResultKind Kind, string ResultType) Result(IMethodSymbol handler)
    {
        if (handler.ReturnsVoid)
        {
            return (ResultKind.Void, "void");
        }

        var type = handler.ReturnType.OriginalDefinition;
        var awaited = type.ContainingNamespace?.ToDisplayString() == "System.Threading.Tasks" ? type.MetadataName : null;
        return awaited switch
        {
            "Task" => (ResultKind.Task, "void"),
            "ValueTask" => (ResultKind.ValueTask, "void"),
            "Task`1" => (ResultKind.TaskOf, Display(((INamedTypeSymbol)handler.ReturnType).TypeArguments[0])),
            "ValueTask`1" => (ResultKind.ValueTaskOf, Display(((INamedTypeSymbol)handler.ReturnType).TypeArguments[0])),
            _ => (ResultKind.Value, Display(handler.ReturnType)),
        };
    }

    /// <summary>Why generated code cannot name <paramref name="type"/>, or null when it can.</summary>
    private static string? TypeProblem(Compilation compilation, ITypeSymbol type) => type switch
    {
        IArrayTypeSymbol array => TypeProblem(compilation, array.ElementType),
        INamedTypeSymbol { IsAnonymousType: true } => "is an anonymous type",
        INamedTypeSymbol { IsRefLikeType: true } => $"({type.ToDisplayString()}) is a ref struct",
        INamedTypeSymbol named when named.IsFileLocal || !compilation.IsSymbolAccessibleWithin(named.OriginalDefinition, compilation.Assembly) =>
            $"({type.ToDisplayString()}) is not accessible from generated code",
        INamedTypeSymbol named => named.TypeArguments.Select(t => TypeProblem(compilation, t)).FirstOrDefault(p => p is not null),
        IDynamicTypeSymbol => null,
        _ => $"({type.ToDisplayString()}) cannot be named in generated code",
    };

    /// <summary>The parameter names of a template, in order, as the runtime parses them (<c>{name}</c>, <c>{name:int}</c>, <c>{*name}</c>).</summary>
    private static List<string> RouteNames(string template)
    {
        var names = new List<string>();
        foreach (var segment in template.Split('/'))
        {
            if (segment.Length > 2 && segment[0] == '{' && segment[segment.Length - 1] == '}')
            {
                var body = segment.Substring(1, segment.Length - 2).TrimStart('*');
                var colon = body.IndexOf(':');
                names.Add(colon < 0 ? body : body.Substring(0, colon));
            }
        }

        return names;
    }

    /// <summary>The declared default value as a C# constant expression (<c>default</c> for null), or null when there is none.</summary>
    internal static string? DefaultValue(IParameterSymbol parameter)
    {
        if (!parameter.HasExplicitDefaultValue)
        {
            return null;
        }

        if (parameter.ExplicitDefaultValue is not { } value)
        {
            return "default";
        }

        var type = parameter.Type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable ? nullable.TypeArguments[0] : parameter.Type;
        var literal = value switch
        {
            string s => SymbolDisplay.FormatLiteral(s, quote: true),
            char c => SymbolDisplay.FormatLiteral(c, quote: true),
            bool b => b ? "true" : "false",
            float f => Number(f.ToString("R", System.Globalization.CultureInfo.InvariantCulture), "F", float.IsNaN(f) || float.IsInfinity(f), "global::System.Single", f),
            double d => Number(d.ToString("R", System.Globalization.CultureInfo.InvariantCulture), "D", double.IsNaN(d) || double.IsInfinity(d), "global::System.Double", d),
            decimal m => m.ToString(System.Globalization.CultureInfo.InvariantCulture) + "M",
            long l => l.ToString(System.Globalization.CultureInfo.InvariantCulture) + "L",
            ulong u => u.ToString(System.Globalization.CultureInfo.InvariantCulture) + "UL",
            uint u => u.ToString(System.Globalization.CultureInfo.InvariantCulture) + "U",
            _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture),
        };
        return type.TypeKind == TypeKind.Enum ? $"({Display(type)})({literal})" : literal;
    }

    private static string Number(string text, string suffix, bool special, string typeName, double value) =>
        !special ? text + suffix : double.IsNaN(value) ? typeName + ".NaN" : value > 0 ? typeName + ".PositiveInfinity" : typeName + ".NegativeInfinity";

    /// <summary>File name and position only: generated code carries no machine-specific paths.</summary>
    private static string Display(LocationInfo location) =>
        $"{System.IO.Path.GetFileName(location.Path)}({location.LineSpan.Start.Line + 1},{location.LineSpan.Start.Character + 1})";

    private static AttributeData? Find(ImmutableArray<AttributeData> attributes, string name) =>
        attributes.FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == name);

    private static bool IsNullableValue(ITypeSymbol type) => type.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T;

    /// <summary>The type as generated code names it; <c>dynamic</c> is <c>object</c> at run time, and only <c>object</c> works in <c>typeof</c>.</summary>
    private static string Display(ITypeSymbol type) => type.TypeKind == TypeKind.Dynamic ? "object" : type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);

    private static string Identifier(string name) => SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;

    /// <summary>Whether <paramref name="type"/> is or implements <c>IAsyncEnumerable&lt;T&gt;</c>.</summary>
    private static bool IsAsyncSequence(ITypeSymbol? type) =>
        type is INamedTypeSymbol named
        && named.AllInterfaces.Add(named).Any(i => i.OriginalDefinition.ToDisplayString() == "System.Collections.Generic.IAsyncEnumerable<T>");

    /// <summary>The result of a <c>Task&lt;T&gt;</c> or <c>ValueTask&lt;T&gt;</c>; null for any other type.</summary>
    private static ITypeSymbol? Awaited(ITypeSymbol type) =>
        type is INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } named
        && named.OriginalDefinition.ToDisplayString() is "System.Threading.Tasks.Task<TResult>" or "System.Threading.Tasks.ValueTask<TResult>"
            ? named.TypeArguments[0]
            : null;
}
