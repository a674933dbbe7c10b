using Microsoft.OpenApi;
using Pulya.Hosting;
using Pulya.Sample;
using Pulya.Testing;

namespace Pulya.OpenApi.Tests;

/// <summary>
/// For the routes the Minimal APIs peer shares with the sample, Pulya's document and Microsoft.AspNetCore.OpenApi's
/// agree on paths, parameters, bodies, schemas and the statuses ASP.NET Core lists. The differences that remain are by
/// design, and each is listed in docs/openapi.md: a trailing slash is significant in Pulya's paths; numbers are
/// integers only (Pulya's JSON reads no numbers from strings, ASP.NET Core's web defaults do: its schemas say
/// <c>["integer","string"]</c> with a pattern); Pulya adds the error statuses it answers itself, serializer formats
/// beyond JSON, and the content of results ASP.NET Core sees only as <c>IResult</c>.
/// </summary>
public sealed class MinimalApiDifferentialTests
{
    [Fact]
    public async Task Pulya_and_aspnetcore_describe_the_shared_routes_alike()
    {
        var peer = OpenApiTestApp.Parse(await MinimalApiPeerDocument.GetJsonAsync());
        var builder = PulyaApplication.CreateBuilder([]);
        SampleApp.ConfigureServices(builder);
        var app = builder.Build();
        SampleApp.MapRoutes(app);
        SampleApp.MapDocumentation(app);
        await using var client = await PulyaTestClient.StartAsync(app);
        var (pulya, _) = await OpenApiTestApp.ReadAsync(client.Client);

        var differences = new List<string>();
        var pulyaPaths = pulya.Paths.ToDictionary(p => p.Key.Length > 1 ? p.Key.TrimEnd('/') : p.Key, p => p.Value);
        Assert.Equal(peer.Paths.Keys.Order(), pulyaPaths.Keys.Order());
        foreach (var (path, peerItem) in peer.Paths)
        {
            foreach (var (method, expected) in peerItem.Operations!)
            {
                var actual = pulyaPaths[path].Operations![method];
                var where = $"{method} {path}";
                CompareParameters(where, expected, actual, differences);
                if (expected.RequestBody is { } body)
                {
                    Compare($"{where} body required", body.Required, actual.RequestBody!.Required, differences);
                    CompareContent($"{where} body", body.Content!, actual.RequestBody.Content!, differences);
                }

                foreach (var (status, response) in expected.Responses!)
                {
                    if (!actual.Responses!.TryGetValue(status, out var pulyaResponse))
                    {
                        differences.Add($"{where}: no {status}");
                        continue;
                    }

                    CompareContent($"{where} {status}", response.Content ?? new Dictionary<string, OpenApiMediaType>(), pulyaResponse.Content!, differences);
                }
            }
        }

        Assert.True(differences.Count == 0, string.Join(Environment.NewLine, differences));
    }

    private static void CompareParameters(string where, OpenApiOperation expected, OpenApiOperation actual, List<string> differences)
    {
        var pulya = (actual.Parameters ?? []).ToDictionary(p => (p.Name, p.In));
        Compare($"{where} parameters", (expected.Parameters ?? []).Count, pulya.Count, differences);
        foreach (var parameter in expected.Parameters ?? [])
        {
            if (!pulya.TryGetValue((parameter.Name, parameter.In), out var mine))
            {
                differences.Add($"{where}: no {parameter.In} parameter {parameter.Name}");
                continue;
            }

            Compare($"{where} {parameter.Name} required", parameter.Required, mine.Required, differences);
            CompareSchema($"{where} {parameter.Name}", parameter.Schema!, mine.Schema!, differences);
        }
    }

    /// <summary>Each media type ASP.NET Core lists is listed by Pulya with an equal schema (Pulya may list more, e.g. MessagePack).</summary>
    private static void CompareContent(string where, IDictionary<string, OpenApiMediaType> expected, IDictionary<string, OpenApiMediaType> actual, List<string> differences)
    {
        foreach (var (mediaType, content) in expected)
        {
            if (!actual.TryGetValue(mediaType, out var mine))
            {
                differences.Add($"{where}: no {mediaType}");
                continue;
            }

            CompareSchema($"{where} {mediaType}", content.Schema!, mine.Schema!, differences);
        }
    }

    private static void CompareSchema(string where, IOpenApiSchema expected, IOpenApiSchema actual, List<string> differences)
    {
        Compare($"{where} type", Normalize(expected.Type), actual.Type, differences);
        Compare($"{where} format", expected.Format, actual.Format, differences);
        Compare($"{where} required", string.Join(",", (expected.Required ?? new HashSet<string>()).Order()), string.Join(",", (actual.Required ?? new HashSet<string>()).Order()), differences);
        var expectedProperties = expected.Properties ?? new Dictionary<string, IOpenApiSchema>();
        var actualProperties = actual.Properties ?? new Dictionary<string, IOpenApiSchema>();
        Compare($"{where} properties", string.Join(",", expectedProperties.Keys.Order()), string.Join(",", actualProperties.Keys.Order()), differences);
        foreach (var (name, property) in expectedProperties.Where(p => actualProperties.ContainsKey(p.Key)))
        {
            CompareSchema($"{where}.{name}", property, actualProperties[name], differences);
        }

        if (expected.Items is not null)
        {
            CompareSchema($"{where}[]", expected.Items, actual.Items!, differences);
        }

        if (expected.AdditionalProperties is not null)
        {
            CompareSchema($"{where}{{}}", expected.AdditionalProperties, actual.AdditionalProperties!, differences);
        }
    }

    /// <summary>ASP.NET Core's web JSON defaults read numbers from strings too; Pulya's JSON does not.</summary>
    private static JsonSchemaType? Normalize(JsonSchemaType? type) =>
        type is { } t && (t.HasFlag(JsonSchemaType.Integer) || t.HasFlag(JsonSchemaType.Number)) ? t & ~JsonSchemaType.String : type;

    private static void Compare<T>(string what, T expected, T actual, List<string> differences)
    {
        if (!EqualityComparer<T>.Default.Equals(expected, actual))
        {
            differences.Add($"{what}: ASP.NET Core {expected}, Pulya {actual}");
        }
    }
}
