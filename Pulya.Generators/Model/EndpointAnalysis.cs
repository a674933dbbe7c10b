namespace Pulya.Generators.Model;

/// <summary>
/// The outcome for one <c>Map*</c> call: a call to bind, or the reason it keeps the runtime binder; and the JSON types
/// its body and result are made of, with the ones left to reflection; what OpenAPI schemas need from those types; the
/// types validation reads for its body.
/// </summary>
internal sealed record EndpointAnalysis(
    EndpointCall? Call,
    LocationInfo? FallbackLocation,
    string? FallbackReason,
    EquatableArray<JsonTypeModel> JsonTypes = default,
    EquatableArray<JsonTypeProblem> JsonProblems = default,
    EquatableArray<OpenApiMemberFacts> OpenApiFacts = default,
    EquatableArray<string> ValidatableTypes = default);
