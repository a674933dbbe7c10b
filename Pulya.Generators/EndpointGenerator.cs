using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Pulya.Generators.Analysis;
using Pulya.Generators.Diagnostics;
using Pulya.Generators.Emission;

namespace Pulya.Generators;

/// <summary>
/// Binds route handlers at build time: every <c>Map</c>/<c>MapGet</c>/<c>MapPost</c>/<c>MapPut</c>/
/// <c>MapDelete</c>/<c>MapPatch</c> call whose handler is a lambda or method group with types known at compile time is
/// intercepted (C# interceptors) to map the handler together with a generated <c>EndpointBinding</c>, which the
/// <c>Generated</c> binder (<c>Pulya:Binder=Generated</c>) uses instead of compiling expression trees at start-up.
/// Other calls are reported (PULYA001, info) and keep the runtime binder.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class EndpointGenerator : IIncrementalGenerator
{
    /// <summary>The namespace of the interceptors; the project must list it in <c>InterceptorsNamespaces</c>.</summary>
    public const string InterceptorsNamespace = "Pulya.Generated";

    /// <summary>The tracking name of the analysed calls (for incrementality tests).</summary>
    public const string CallsStep = "PulyaEndpointCalls";

    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var analyses = context.SyntaxProvider
            .CreateSyntaxProvider(static (node, _) => EndpointAnalyzer.IsCandidate(node), EndpointAnalyzer.Analyze)
            .Where(static a => a is not null)
            .Select(static (a, _) => a!)
            .WithTrackingName(CallsStep);

        context.RegisterSourceOutput(analyses.Where(static a => a.FallbackReason is not null), static (output, analysis) =>
            output.ReportDiagnostic(Diagnostic.Create(PulyaDiagnostics.RuntimeBinding, analysis.FallbackLocation!.ToLocation(), analysis.FallbackReason)));

        // Under PublishAot a type left to reflection fails at run time: a warning there, information elsewhere.
        var aot = context.AnalyzerConfigOptionsProvider.Select(static (options, _) =>
            options.GlobalOptions.TryGetValue("build_property.PublishAot", out var value) && string.Equals(value, "true", System.StringComparison.OrdinalIgnoreCase));
        var problems = analyses.SelectMany(static (a, _) => a.JsonProblems).Combine(aot);
        context.RegisterSourceOutput(problems, static (output, input) =>
        {
            var (problem, publishAot) = input;
            var severity = publishAot ? DiagnosticSeverity.Warning : DiagnosticSeverity.Info;
            output.ReportDiagnostic(problem.Anonymous
                ? Diagnostic.Create(PulyaDiagnostics.AnonymousJsonType, problem.Location.ToLocation(), severity, null, null, problem.Type)
                : Diagnostic.Create(PulyaDiagnostics.ReflectionJsonType, problem.Location.ToLocation(), severity, null, null, problem.Type, problem.Reason));
        });

        var enabled = context.ParseOptionsProvider.Select(static (options, _) =>
            options.Features.TryGetValue("InterceptorsNamespaces", out var namespaces)
            && namespaces.Split(';').Any(n => n.Trim() == InterceptorsNamespace));
        // Applications that reference Pulya.OpenApi also get each handler's OpenAPI description (OpenApiEmitter).
        var openApi = context.CompilationProvider.Select(static (compilation, _) => compilation.GetTypeByMetadataName(OpenApiEmitter.MarkerType) is not null);
        var calls = analyses.Where(static a => a.Call is not null).Select(static (a, _) => a.Call!).Collect();
        context.RegisterSourceOutput(calls.Combine(enabled).Combine(openApi), static (output, input) =>
        {
            var ((found, interceptorsEnabled), describe) = input;
            if (found.IsEmpty)
            {
                return;
            }

            if (!interceptorsEnabled)
            {
                output.ReportDiagnostic(Diagnostic.Create(PulyaDiagnostics.InterceptorsDisabled, Location.None));
                return;
            }

            output.AddSource("PulyaGeneratedEndpoints.g.cs", EndpointEmitter.Emit(found, describe));
            if (describe)
            {
                output.AddSource("PulyaGeneratedOpenApi.g.cs", OpenApiEmitter.Emit(found));
            }
        });

        var facts = analyses.Where(static a => a.Call is not null).SelectMany(static (a, _) => a.OpenApiFacts).Collect().Combine(enabled).Combine(openApi);
        context.RegisterSourceOutput(facts, static (output, input) =>
        {
            var ((found, interceptorsEnabled), describe) = input;
            var distinct = found.GroupBy(static f => f.Type).Select(static g => g.First()).ToList();
            if (distinct.Count > 0 && interceptorsEnabled && describe)
            {
                output.AddSource("PulyaGeneratedSchemaFacts.g.cs", OpenApiEmitter.EmitFacts(distinct));
            }
        });

        // One resolver for the types of every bound endpoint, each type once (the first description; they are all equal).
        var jsonTypes = analyses.Where(static a => a.Call is not null).SelectMany(static (a, _) => a.JsonTypes).Collect().Combine(enabled);
        context.RegisterSourceOutput(jsonTypes, static (output, input) =>
        {
            var (types, interceptorsEnabled) = input;
            var distinct = types.GroupBy(static t => t.Type).Select(static g => g.First()).ToList();
            if (distinct.Count > 0 && interceptorsEnabled)
            {
                output.AddSource("PulyaGeneratedJsonResolver.g.cs", JsonResolverEmitter.Emit(distinct));
            }
        });

        // The types validation reads for the bodies of every bound endpoint, each once, kept through trimming.
        var validatable = analyses.Where(static a => a.Call is not null).SelectMany(static (a, _) => a.ValidatableTypes).Collect().Combine(enabled);
        context.RegisterSourceOutput(validatable, static (output, input) =>
        {
            var (types, interceptorsEnabled) = input;
            if (types.Length > 0 && interceptorsEnabled)
            {
                output.AddSource("PulyaGeneratedValidatableTypes.g.cs", ValidationEmitter.Emit(types.Distinct().OrderBy(static t => t, System.StringComparer.Ordinal)));
            }
        });
    }
}
