using System.IO.Compression;
using Swashbuckle.AspNetCore.SwaggerUI;

namespace Pulya.OpenApi.SwaggerUi;

/// <summary>
/// Swagger UI's files, as the Swashbuckle.AspNetCore.SwaggerUI package embeds them (gzip-compressed resources of its
/// assembly): read and decompressed on their first request, then kept.
/// </summary>
internal sealed class SwaggerUiAsset
{
    private const string Prefix = "Swashbuckle.AspNetCore.SwaggerUI.node_modules.swagger_ui_dist.";
    private readonly Lazy<byte[]> _content;

    public SwaggerUiAsset(string file, string contentType)
    {
        File = file;
        ContentType = contentType;
        _content = new Lazy<byte[]>(() => Read(file));
    }

    public string File { get; }

    public string ContentType { get; }

    public byte[] Content => _content.Value;

    /// <summary>The files the page loads.</summary>
    public static SwaggerUiAsset[] All() =>
    [
        new("swagger-ui.css", "text/css; charset=utf-8"),
        new("swagger-ui-bundle.js", "text/javascript; charset=utf-8"),
        new("favicon-32x32.png", "image/png"),
        new("LICENSE", "text/plain; charset=utf-8"),
    ];

    private static byte[] Read(string file)
    {
        using var resource = typeof(SwaggerUIOptions).Assembly.GetManifestResourceStream(Prefix + file)!;
        using var gzip = new GZipStream(resource, CompressionMode.Decompress);
        using var content = new MemoryStream();
        gzip.CopyTo(content);
        return content.ToArray();
    }
}
