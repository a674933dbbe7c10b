using Microsoft.OpenApi;
using Pulya.Routing;

namespace Pulya.OpenApi;

/// <summary>
/// One OpenAPI document's options, registered with <c>builder.Pulya.AddOpenApi(o =&gt; …)</c>: the <c>Pulya:OpenApi</c>
/// section is bound first (<c>DocumentName</c>, <c>Title</c>, <c>Version</c>, <c>Description</c>), then the call's delegate
/// runs. Each call registers a document named by its <see cref="DocumentName"/>; calls naming the same document add
/// configuration to it.
/// </summary>
public sealed class PulyaOpenApiOptions
{
    /// <summary>The configuration section, under <c>Pulya</c>.</summary>
    public const string SectionName = "OpenApi";

    /// <summary>
    /// The document's name, in its URL (<c>/openapi/{documentName}.json</c>) and for <c>GetOpenApiDocument</c>; matched
    /// without regard to case and served in lower case. Defaults to <c>v1</c>; <c>Pulya:OpenApi:DocumentName</c> sets it
    /// (the build's <c>&lt;PulyaOpenApiDocumentName&gt;</c> does). Letters, digits, <c>-</c>, <c>.</c>, <c>_</c> and
    /// <c>~</c> only (unreserved in a URL), or the start-up fails naming the key.
    /// </summary>
    public string DocumentName { get; set; } = "v1";

    /// <summary>The document's title (<c>info.title</c>). Defaults to <c>"{ApplicationName} | {documentName}"</c>, as ASP.NET Core does.</summary>
    public string? Title { get; set; }

    /// <summary>The API's version (<c>info.version</c>). Defaults to <c>1.0.0</c>.</summary>
    public string Version { get; set; } = "1.0.0";

    /// <summary>The document's description (<c>info.description</c>). Defaults to none.</summary>
    public string? Description { get; set; }

    /// <summary>
    /// Which routes the document lists, besides those excluded with <c>ExcludeFromDescription()</c>. Defaults to all.
    /// HEAD routes added for GET routes are never listed.
    /// </summary>
    public Func<RouteEntry, bool>? ShouldInclude { get; set; }

    /// <summary>
    /// Security schemes by name, replacing the ones the document derives for authenticated routes (an HTTP bearer scheme
    /// for <c>Bearer</c>). Defaults to none.
    /// </summary>
    public IDictionary<string, OpenApiSecurityScheme> SecuritySchemes { get; } = new Dictionary<string, OpenApiSecurityScheme>(StringComparer.OrdinalIgnoreCase);
}
