using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using Pulya.Hosting;
using Pulya.Testing;

namespace Pulya.OpenApi.Tests;

/// <summary>Starts applications with OpenAPI documents and reads their documents back with Microsoft.OpenApi's reader.</summary>
internal static class OpenApiTestApp
{
    public static Task<PulyaTestClient> StartAsync(TestTransport transport, Action<PulyaApplication> map, Action<PulyaApplicationBuilder>? configure = null) =>
        PulyaTestClient.StartAsync(transport, map, builder =>
        {
            builder.Logging.ClearProviders();
            builder.Pulya.AddOpenApi();
            configure?.Invoke(builder);
        });

    /// <summary>GETs <paramref name="path"/> and parses it as OpenAPI; the reader must report no error and no warning.</summary>
    public static async Task<(OpenApiDocument Document, string Json)> ReadAsync(HttpClient client, string path = "/openapi/v1.json")
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var json = await response.Content.ReadAsStringAsync();
        return (Parse(json), json);
    }

    public static OpenApiDocument Parse(string json)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));
        var result = OpenApiDocument.Load(stream, "json", new OpenApiReaderSettings());
        Assert.Empty(result.Diagnostic!.Errors.Select(e => e.ToString()));
        Assert.Empty(result.Diagnostic.Warnings.Select(e => e.ToString()));
        Assert.Equal(OpenApiSpecVersion.OpenApi3_1, result.Diagnostic.SpecificationVersion);
        var document = result.Document!;
        Assert.Empty(document.Validate(ValidationRuleSet.GetDefaultRuleSet())!.Select(e => e.ToString()));
        return document;
    }
}
