using Microsoft.CodeAnalysis;

namespace Pulya.Generators.Diagnostics;

/// <summary>The generator's diagnostics. Both are informational: a call the generator cannot bind still works, bound at start-up.</summary>
internal static class PulyaDiagnostics
{
    public static readonly DiagnosticDescriptor RuntimeBinding = new(
        "PULYA001",
        "Endpoint bound at start-up",
        "This endpoint is bound at start-up by the runtime compiler, not by generated code: {0}",
        "Pulya.Binding",
        DiagnosticSeverity.Info,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor InterceptorsDisabled = new(
        "PULYA002",
        "Generated endpoint bindings are off",
        "Generated endpoint bindings are off because interceptors are not enabled for the namespace Pulya.Generated; add <InterceptorsNamespaces>$(InterceptorsNamespaces);Pulya.Generated</InterceptorsNamespaces> to the project",
        "Pulya.Binding",
        DiagnosticSeverity.Info,
        isEnabledByDefault: true);
}
