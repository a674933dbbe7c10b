using System.Globalization;
using System.Text;
using Microsoft.OpenApi;
using Pulya.Hosting;
using Pulya.OpenApi.Documents;

namespace Pulya.OpenApi.Hosting;

/// <summary>Each document of an application, built once from its frozen route table and kept with its JSON.</summary>
internal sealed class OpenApiDocumentCache(PulyaApplication app)
{
    private readonly Dictionary<string, (OpenApiDocument Document, byte[] Json)> _documents = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock _lock = new();
    private OpenApiDocumentContext? _context;

    public (OpenApiDocument Document, byte[] Json) Get(string documentName)
    {
        var router = app.Router ?? throw new InvalidOperationException("The OpenAPI document is built from the route table: start the application first.");
        lock (_lock)
        {
            if (!_documents.TryGetValue(documentName, out var built))
            {
                var names = OpenApiDocumentName.Names(app.Services);
                if (!names.Contains(documentName, StringComparer.OrdinalIgnoreCase))
                {
                    throw new InvalidOperationException($"No OpenAPI document is named '{documentName}'; registered: {(names.Count == 0 ? "none (call builder.Pulya.AddOpenApi())" : string.Join(", ", names))}.");
                }

                _context ??= new OpenApiDocumentContext(app.Services);
                var options = OpenApiDocumentName.Options(app.Services, documentName);
                var document = new OpenApiDocumentBuilder(_context, options, documentName.ToLowerInvariant()).Build(router.Table);
                built = (document, Serialize(document));
                _documents[documentName] = built;
            }

            return built;
        }
    }

    private static byte[] Serialize(OpenApiDocument document)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        document.SerializeAsV31(new OpenApiJsonWriter(writer));
        return Encoding.UTF8.GetBytes(writer.ToString());
    }
}
