namespace Pulya.OpenApi.Documents;

/// <summary>One handler parameter as the request supplies it: its source, its name there, its type and whether it is required.</summary>
internal sealed record DescribedParameter(ParameterSource Source, string Name, Type Type, bool Required);
