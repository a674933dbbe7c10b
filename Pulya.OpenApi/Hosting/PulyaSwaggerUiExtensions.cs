using System.Net;
using System.Text;
using Pulya.Http;
using Pulya.OpenApi.Hosting;
using Pulya.OpenApi.SwaggerUi;

namespace Pulya.Hosting;

/// <summary>
/// An interactive page for an OpenAPI document: Swagger UI, its files served by the application itself from the
/// Swashbuckle.AspNetCore.SwaggerUI package (nothing is loaded from another site; the online validator is off).
/// </summary>
public static class PulyaSwaggerUiExtensions
{
    /// <summary>
    /// Maps Swagger UI at <paramref name="path"/> (the page) and its files under it, showing the document at
    /// <paramref name="documentUrl"/>. The files are decompressed on their first request and kept.
    /// </summary>
    /// <param name="app">The application.</param>
    /// <param name="path">The page's path. Defaults to <c>/swagger</c>.</param>
    /// <param name="documentUrl">The URL of the document to show. Defaults to <c>/openapi/v1.json</c>.</param>
    /// <param name="title">The page's title. Defaults to <c>API</c>.</param>
    /// <returns><paramref name="app"/>, for chaining.</returns>
    public static PulyaApplication MapSwaggerUi(this PulyaApplication app, string path = "/swagger", string documentUrl = "/openapi/v1.json", string title = "API")
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentException.ThrowIfNullOrWhiteSpace(documentUrl);
        ArgumentNullException.ThrowIfNull(title);
        path = path.TrimEnd('/');
        var page = Encoding.UTF8.GetBytes($"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <title>{WebUtility.HtmlEncode(title)}</title>
            <link rel="stylesheet" href="{path}/swagger-ui.css">
            <link rel="icon" type="image/png" href="{path}/favicon-32x32.png">
            </head>
            <body>
            <div id="swagger-ui"></div>
            <script src="{path}/swagger-ui-bundle.js"></script>
            <script src="{path}/index.js"></script>
            </body>
            </html>
            """);
        var script = Encoding.UTF8.GetBytes($$"""
            window.ui = SwaggerUIBundle({ url: {{System.Text.Json.JsonSerializer.Serialize(documentUrl, SwaggerUiJsonContext.Default.String)}}, dom_id: "#swagger-ui", deepLinking: true, validatorUrl: null });
            """);
        StaticRoute.Map(app, path, () => Response.Bytes(page, "text/html; charset=utf-8"));
        StaticRoute.Map(app, path + "/index.js", () => Response.Bytes(script, "text/javascript; charset=utf-8"));
        foreach (var asset in SwaggerUiAsset.All())
        {
            StaticRoute.Map(app, path + "/" + asset.File, () => Response.Bytes(asset.Content, asset.ContentType));
        }

        return app;
    }
}
