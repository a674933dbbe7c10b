using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Pulya.Hosting;

namespace Pulya.OpenApi.Hosting;

/// <summary>
/// Writes a document to a file and stops the application once it has started, when <c>Pulya:OpenApi:DocumentPath</c> is
/// set (the build does so for <c>&lt;PulyaOpenApiDocumentPath&gt;</c>: it runs the built application with
/// <c>--Pulya:OpenApi:DocumentPath=…</c>). <c>Pulya:OpenApi:DocumentName</c> names the document (default <c>v1</c>).
/// </summary>
internal static class OpenApiDocumentWriter
{
    public const string PathKey = "Pulya:OpenApi:DocumentPath";
    public const string NameKey = "Pulya:OpenApi:DocumentName";

    public static void Register(PulyaApplication app, OpenApiDocumentCache cache, IReadOnlyList<string> names)
    {
        var configuration = app.Services.GetRequiredService<IConfiguration>();
        if (configuration[PathKey] is not { Length: > 0 } path)
        {
            return;
        }

        var name = configuration[NameKey] is { Length: > 0 } configured ? configured.ToLowerInvariant() : "v1";
        if (!names.Contains(name, StringComparer.Ordinal))
        {
            throw new InvalidOperationException($"{NameKey} is '{name}', but no OpenAPI document has that name; registered: {string.Join(", ", names)}.");
        }

        var lifetime = app.Services.GetRequiredService<IHostApplicationLifetime>();
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(OpenApiDocumentWriter).FullName!);
        lifetime.ApplicationStarted.Register(() =>
        {
            try
            {
                var full = Path.GetFullPath(path);
                Directory.CreateDirectory(Path.GetDirectoryName(full)!);
                File.WriteAllBytes(full, cache.Get(name).Json);
                logger.LogInformation("OpenAPI document {Name} written to {Path}.", name, full);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                logger.LogError(e, "The OpenAPI document {Name} could not be written to {Path}.", name, path);
                Environment.ExitCode = 1;
            }
            finally
            {
                lifetime.StopApplication();
            }
        });
    }
}
