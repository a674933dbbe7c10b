using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;
using Pulya.Http;
using Pulya.OpenApi.Hosting;

namespace Pulya.Hosting;

/// <summary>
/// Serves the OpenAPI documents registered with <c>builder.Pulya.AddOpenApi()</c>: <c>app.MapOpenApi()</c> answers
/// <c>GET /openapi/v1.json</c>. A document is built from the frozen route table on its first request and kept; the
/// application that maps nothing pays nothing.
/// </summary>
public static class PulyaOpenApiExtensions
{
    private const string JsonContentType = "application/json; charset=utf-8";
    private static readonly ConditionalWeakTable<PulyaApplication, OpenApiDocumentCache> Caches = [];

    /// <summary>
    /// Maps one GET route per registered document at <paramref name="pattern"/>, <c>{documentName}</c> replaced by the
    /// document's name. The routes are bound without reflection (they work under Native AOT) and are left out of the documents.
    /// </summary>
    /// <param name="app">The application.</param>
    /// <param name="pattern">The URL of a document. Defaults to <c>/openapi/{documentName}.json</c>.</param>
    /// <remarks>
    /// With <c>Pulya:OpenApi:DocumentPath</c> set (e.g. <c>--Pulya:OpenApi:DocumentPath=openapi.json</c>; the package's
    /// <c>&lt;PulyaOpenApiDocumentPath&gt;</c> build property does it after each build), the application writes the
    /// document <c>Pulya:OpenApi:DocumentName</c> (default <c>v1</c>) to that file once it has started, and stops.
    /// </remarks>
    /// <returns><paramref name="app"/>, for chaining.</returns>
    /// <exception cref="InvalidOperationException">No document is registered, or several are and <paramref name="pattern"/> does not name <c>{documentName}</c>.</exception>
    public static PulyaApplication MapOpenApi(this PulyaApplication app, string pattern = "/openapi/{documentName}.json")
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentException.ThrowIfNullOrWhiteSpace(pattern);
        var names = Pulya.OpenApi.Documents.OpenApiDocumentName.Names(app.Services);
        if (names.Count == 0)
        {
            throw new InvalidOperationException("MapOpenApi needs a document: call builder.Pulya.AddOpenApi() before Build().");
        }

        if (names.Count > 1 && !pattern.Contains("{documentName}", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Several OpenAPI documents are registered ({string.Join(", ", names)}): the pattern '{pattern}' must contain {{documentName}}.");
        }

        var cache = Caches.GetValue(app, a => new OpenApiDocumentCache(a));
        foreach (var name in names)
        {
            StaticRoute.Map(app, pattern.Replace("{documentName}", name, StringComparison.Ordinal), () => Response.Bytes(cache.Get(name).Json, JsonContentType));
        }

        OpenApiDocumentWriter.Register(app, cache, names);

        return app;
    }

    /// <summary>The OpenAPI document <paramref name="documentName"/> of a started application, built on first use and kept.</summary>
    /// <param name="app">The application, started.</param>
    /// <param name="documentName">The document's name. Defaults to <c>v1</c>.</param>
    /// <returns>The document; do not change it (it is the one served).</returns>
    /// <exception cref="InvalidOperationException">The application has not started, or no document has that name.</exception>
    public static OpenApiDocument GetOpenApiDocument(this PulyaApplication app, string documentName = "v1")
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentException.ThrowIfNullOrWhiteSpace(documentName);
        return Caches.GetValue(app, a => new OpenApiDocumentCache(a)).Get(documentName).Document;
    }
}
