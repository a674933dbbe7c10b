using Microsoft.CodeAnalysis;

namespace Pulya.Generators.Diagnostics;

/// <summary>
/// The generator's diagnostics. A call the generator cannot bind still works, bound at start-up (informational); a JSON
/// type it cannot describe is serialized by reflection, which Native AOT does not allow (a warning in projects that
/// publish with <c>PublishAot</c>, informational otherwise).
/// </summary>
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

    public static readonly DiagnosticDescriptor AnonymousJsonType = new(
        "PULYA003",
        "Anonymous JSON result type",
        "The result type {0} of this endpoint is anonymous, so no JSON metadata can be generated for it: it is serialized by reflection, which fails under Native AOT; return a named type (a record) instead",
        "Pulya.Json",
        DiagnosticSeverity.Info,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor ReflectionJsonType = new(
        "PULYA004",
        "JSON type described by reflection",
        "No JSON metadata is generated for {0} because {1}: it is serialized by reflection, which fails under Native AOT; change the type or register a JsonSerializerContext for it (AddJsonTypeInfoResolver)",
        "Pulya.Json",
        DiagnosticSeverity.Info,
        isEnabledByDefault: true);
}
