using Microsoft.OpenApi;
using Pulya.Routing;

namespace Pulya.OpenApi;

/// <summary>
/// One OpenAPI document's options, registered with <c>builder.Pulya.AddOpenApi(documentName, …)</c> as named options
/// (the name is the document's).
/// </summary>
public sealed class PulyaOpenApiOptions
{
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
