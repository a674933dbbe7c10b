using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Pulya.DependencyInjection;
using Pulya.OpenApi;
using Pulya.OpenApi.Documents;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers OpenAPI documents: <c>builder.Pulya.AddOpenApi()</c>, then <c>app.MapOpenApi()</c>.</summary>
public static class OpenApiPulyaBuilderExtensions
{
    /// <summary>
    /// Registers an OpenAPI document, built from the route table the first time it is asked for (after start-up) and kept.
    /// Its options bind <c>Pulya:OpenApi</c> (<see cref="PulyaOpenApiOptions.DocumentName"/>, default <c>v1</c>, title,
    /// version, description), then <paramref name="configure"/> changes them; an invalid document name fails the start-up
    /// naming <c>Pulya:OpenApi:DocumentName</c>. Call it again with another <see cref="PulyaOpenApiOptions.DocumentName"/>
    /// for another document (e.g. filtered with <see cref="PulyaOpenApiOptions.ShouldInclude"/>); a call naming a document
    /// already registered adds configuration to it.
    /// </summary>
    /// <param name="builder">The Pulya builder.</param>
    /// <param name="configure">Configures the document (name, title, version, which routes, security schemes) after configuration is bound; optional.</param>
    /// <returns><paramref name="builder"/>, for chaining.</returns>
    public static PulyaBuilder AddOpenApi(this PulyaBuilder builder, Action<PulyaOpenApiOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddModuleOptions<PulyaOpenApiOptions>(PulyaOpenApiOptions.SectionName);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PulyaOpenApiOptions>, PulyaOpenApiOptionsValidator>());
        var section = builder.Configuration.GetSection(PulyaOpenApiOptions.SectionName);
        var key = "document " + builder.Services.Count(s => s.ServiceType == typeof(OpenApiDocumentName)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        builder.Services.AddSingleton(new OpenApiDocumentName(key, section, configure));
        builder.Services.AddOptions<PulyaOpenApiOptions>(key).Configure(o =>
        {
            OpenApiDocumentName.Bind(section, o);
            configure?.Invoke(o);
        }).ValidateOnStart();
        return builder;
    }
}
