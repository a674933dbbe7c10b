namespace Pulya.OpenApi.Documents;

/// <summary>A document registered with <c>AddOpenApi</c>, one service per document.</summary>
internal sealed record OpenApiDocumentName(string Name);
