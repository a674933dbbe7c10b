using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;
using Pulya.Hosting;
using Pulya.OpenApi.Generated;
using Pulya.Sample;
using Pulya.Testing;

namespace Pulya.OpenApi.Tests;

/// <summary>
/// The document written from the source generator's descriptions (binder <c>Generated</c>) equals the one read from the
/// handlers at start-up (binder <c>Compiled</c>), compared as JSON values, on the sample's routes and the GitHub route set.
/// </summary>
public sealed class GeneratedDocumentTests
{
    public static TheoryData<TestTransport, string> RouteSets => new()
    {
        { TestTransport.TestServer, "sample" },
        { TestTransport.Kestrel, "sample" },
        { TestTransport.TestServer, "github" },
        { TestTransport.Kestrel, "github" },
    };

    [Theory]
    [MemberData(nameof(RouteSets))]
    public async Task The_generated_document_equals_the_one_read_from_the_handlers(TestTransport transport, string routes)
    {
        var (compiled, _) = await ReadAsync(transport, routes, "Compiled");
        var (generated, described) = await ReadAsync(transport, routes, "Generated");

        AssertSameJson(compiled, generated);
        // Every route of the GitHub set (literal calls) carries a generated description; so do the sample's literal calls
        // (its dynamic routes, with templates built at run time, are read from their handlers in both documents).
        Assert.True(routes == "github" ? described.Undescribed == 0 : described.Undescribed == SampleApp.DynamicRouteCount, $"{described}");
        Assert.True(described.Described > 10, $"{described}");
    }

    [Fact]
    public async Task Every_source_the_generator_binds_is_described_as_the_handler_says()
    {
        static void Map(PulyaApplication app)
        {
            app.MapGet("/search/{Term}", (string term, string q, int page = 1, [Query("k")] string[]? keys = null, [Header("X-Trace")] string? trace = null) => new Page<Order>([], null));
            app.MapPost("/orders", (Order order, Clock clock) => order);
            app.MapPut("/orders/{id:int}", (int id, [Body] Order order) => Task.FromResult(order));
        }

        var (compiled, _) = await ReadAsync("Compiled");
        var (generated, described) = await ReadAsync("Generated");

        AssertSameJson(compiled, generated);
        Assert.Equal(3, described);
        var document = OpenApiTestApp.Parse(generated);
        Assert.Equal(["Term", "q", "page", "k", "X-Trace"], document.Paths["/search/{Term}"].Operations![HttpMethod.Get].Parameters!.Select(p => p.Name));
        Assert.NotNull(document.Paths["/orders"].Operations![HttpMethod.Post].RequestBody); // Clock is a service, Order the body

        async Task<(string Json, int Described)> ReadAsync(string binder)
        {
            await using var client = await OpenApiTestApp.StartAsync(TestTransport.TestServer, app =>
            {
                Map(app);
                app.MapOpenApi();
            }, builder =>
            {
                builder.Configuration["Pulya:Binder"] = binder;
                builder.Services.AddSingleton<Clock>();
            });
            var described = client.Application.Router!.Table.Routes.Count(r => r.Metadata.OfType<GeneratedOperation>().Any() && r.Method != "HEAD");
            return ((await OpenApiTestApp.ReadAsync(client.Client)).Json, described);
        }
    }

    /// <summary>Two documents as JSON values (member order aside); on failure, both in full.</summary>
    internal static void AssertSameJson(string expected, string actual) =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), JsonNode.Parse(actual)), $"Expected:{Environment.NewLine}{expected}{Environment.NewLine}Actual:{Environment.NewLine}{actual}");

    private static async Task<(string Json, (int Described, int Undescribed) Routes)> ReadAsync(TestTransport transport, string routes, string binder)
    {
        var builder = PulyaApplication.CreateBuilder([]).UseTestTransport(transport);
        builder.Configuration["Pulya:Binder"] = binder;
        SampleApp.ConfigureServices(builder);
        var app = builder.Build();
        if (routes == "github")
        {
            GitHubRoutes.Map(app);
        }
        else
        {
            SampleApp.UseAspNetCore(app);
            SampleApp.MapRoutes(app);
            SampleApp.MapApi(app);
        }

        SampleApp.MapDocumentation(app);
        await using var client = await PulyaTestClient.StartAsync(app);
        var (_, json) = await OpenApiTestApp.ReadAsync(client.Client);
        var listed = app.Router!.Table.Routes.Where(r => r.Method != "HEAD" && !r.Template.Text.StartsWith("/openapi", StringComparison.Ordinal) && !r.Template.Text.StartsWith("/swagger", StringComparison.Ordinal)).ToList();
        var described = listed.Count(r => r.Metadata.OfType<GeneratedOperation>().Any());
        return (json, (described, listed.Count - described));
    }
}
