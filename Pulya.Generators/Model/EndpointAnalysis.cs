namespace Pulya.Generators.Model;

/// <summary>The outcome for one <c>Map*</c> call: a call to bind, or the reason it keeps the runtime binder.</summary>
internal sealed record EndpointAnalysis(EndpointCall? Call, LocationInfo? FallbackLocation, string? FallbackReason);
