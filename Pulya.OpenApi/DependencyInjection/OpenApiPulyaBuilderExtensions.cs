using Pulya.DependencyInjection;
using Pulya.OpenApi;
using Pulya.OpenApi.Documents;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers OpenAPI documents: <c>builder.Pulya.AddOpenApi()</c>, then <c>app.MapOpenApi()</c>.</summary>
public static class OpenApiPulyaBuilderExtensions
{
    /// <summary>
    /// Registers the OpenAPI document <paramref name="documentName"/>, built from the route table the first time it is
    /// asked for (after start-up) and kept. Call it again with another name for another document (e.g. filtered with
    /// <see cref="PulyaOpenApiOptions.ShouldInclude"/>); calling it again with the same name adds configuration.
    /// </summary>
    /// <param name="builder">The Pulya builder.</param>
    /// <param name="documentName">The document's name, in its URL: <c>/openapi/{documentName}.json</c>. Defaults to <c>v1</c>.</param>
    /// <param name="configure">Configures the document (title, version, which routes, security schemes).</param>
    /// <returns><paramref name="builder"/>, for chaining.</returns>
    public static PulyaBuilder AddOpenApi(this PulyaBuilder builder, string documentName = "v1", Action<PulyaOpenApiOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(documentName);
        var lower = documentName.ToLowerInvariant();
        if (!builder.Services.Any(s => s.ServiceType == typeof(OpenApiDocumentName) && ((OpenApiDocumentName)s.ImplementationInstance!).Name == lower))
        {
            builder.Services.AddSingleton(new OpenApiDocumentName(lower));
        }

        builder.Services.AddOptions<PulyaOpenApiOptions>(lower).Configure(o => configure?.Invoke(o));
        return builder;
    }
}
