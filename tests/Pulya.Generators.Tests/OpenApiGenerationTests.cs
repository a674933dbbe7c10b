using System.Reflection;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Pulya.Hosting;
using Pulya.OpenApi.Generated;
using Pulya.Testing;

namespace Pulya.Generators.Tests;

/// <summary>
/// A program that references Pulya.OpenApi: the generator describes every bound handler for the document (parameters by
/// source, result type) and the serialized types' nullable members; the document written from those under the
/// <c>Generated</c> binder equals the one read from the handlers under <c>Compiled</c>.
/// </summary>
public sealed class OpenApiGenerationTests
{
    private const string Program = """
        using System;
        using System.Collections.Generic;
        using System.Security.Claims;
        using System.Text.Json.Serialization;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Http;
        using Microsoft.Extensions.Primitives;
        using Pulya;
        using Pulya.Hosting;
        using Pulya.Http;

        namespace Sample;

        public enum Shade { Light, Dark }

        public class Named { public string? Label { get; set; } }

        public sealed class Item : Named
        {
            public string Id { get; set; } = "";
            [JsonPropertyName("note_text")] public string? Note { get; set; }
            public Shade[] Shades { get; set; } = [];
            public int? Weight { get; set; }
        }

        public sealed record Page<T>(IReadOnlyList<T> Items, string? Next, Dictionary<string, Item?> ByName);

        public sealed record Order(int Id, string Name, string? Comment = null);

        public sealed class Clock { public DateTime Now => DateTime.UtcNow; }

        public sealed class Registered { public int Value { get; set; } }

        public static class Endpoints
        {
            public static void Map(PulyaApplication app)
            {
                app.MapGet("/items/{Id:int}/{name}", (int id, string name, Shade shade = Shade.Dark, int? size = null, [Query("k")] string? key = null, [Query] string[] tag = null!,
                    [Query("tag")] StringValues values = default, int @class = 3) => new Page<Item>([], null, []));
                app.MapGet("/headers", ([Header("X-One")] string one, [Header("X-Many")] string[] many, [Header("X-Values")] StringValues values, [Header("X-Number")] long? number) => "ok");
                app.MapPost("/orders", ([Body] Order order, PulyaRequest request, CancellationToken token, ClaimsPrincipal user, HttpContext context, [Service] Clock clock) =>
                    Task.FromResult(order));
                app.MapPut("/implicit", (Order order) => ValueTask.FromResult(new List<Order> { order }));
                app.MapPost("/service", (Registered registered) => registered.Value);
                app.MapDelete("/nothing/{id}", (Guid id) => { });
                app.MapGet("/task", () => Task.CompletedTask);
                app.MapGet("/response", () => Response.Status(202)).WithName("Accepted").WithTags("misc");
                app.MapGet("/bytes", () => new byte[] { 1 });
            }
        }
        """;

    [Fact]
    public async Task The_generated_document_equals_the_one_read_from_the_handlers()
    {
        var program = GeneratorHarness.Load(Program, openApi: true);

        var (compiled, _) = await ReadAsync(program, "Compiled");
        var (generated, described) = await ReadAsync(program, "Generated");

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(compiled), JsonNode.Parse(generated)), $"Expected:{Environment.NewLine}{compiled}{Environment.NewLine}Actual:{Environment.NewLine}{generated}");
        Assert.Equal(Enumerable.Repeat(1, 9), described);
        var document = JsonNode.Parse(generated)!;
        var item = document["components"]!["schemas"]!["Item"]!["properties"]!;
        Assert.Equal("[\"null\",\"string\"]", item["note_text"]!["type"]!.ToJsonString());
        Assert.Equal("[\"null\",\"string\"]", item["label"]!["type"]!.ToJsonString());
        Assert.Equal("\"string\"", item["id"]!["type"]!.ToJsonString());
        Assert.Equal(["Id", "name", "shade", "size", "k", "tag", "tag", "class"], document["paths"]!["/items/{Id}/{name}"]!["get"]!["parameters"]!.AsArray().Select(p => (string)p!["name"]!));
        Assert.NotNull(document["paths"]!["/implicit"]!["put"]!["requestBody"]);
        Assert.Null(document["paths"]!["/service"]!["post"]!["requestBody"]);
    }

    [Fact]
    public void The_descriptions_are_written_only_for_programs_that_reference_Pulya_OpenApi()
    {
        var (described, _, interceptors) = GeneratorHarness.Run(Program, openApi: true);
        var (plain, _, plainInterceptors) = GeneratorHarness.Run(Program);

        var operations = GeneratorHarness.Source(described, "PulyaGeneratedOpenApi.g.cs")!;
        Assert.Contains("GeneratedParameterSource.ServiceOrBody, \"order\", typeof(global::Sample.Order), true)", operations, StringComparison.Ordinal);
        Assert.Contains("Operation8 = new global::Pulya.OpenApi.Generated.GeneratedOperation(typeof(byte[]))", operations, StringComparison.Ordinal);
        Assert.Contains(".WithMetadata(global::Pulya.Generated.PulyaGeneratedOpenApi.Operation0)", interceptors, StringComparison.Ordinal);
        Assert.Contains("RegisterMembers(typeof(global::Sample.Item), (\"Id\", false), (\"note_text\", true), (\"Shades\", false), (\"Weight\", false), (\"Label\", true))",
            GeneratorHarness.Source(described, "PulyaGeneratedSchemaFacts.g.cs"), StringComparison.Ordinal);
        Assert.Null(GeneratorHarness.Source(plain, "PulyaGeneratedOpenApi.g.cs"));
        Assert.Null(GeneratorHarness.Source(plain, "PulyaGeneratedSchemaFacts.g.cs"));
        Assert.DoesNotContain("WithMetadata", plainInterceptors, StringComparison.Ordinal);
    }

    /// <summary>The served document, and for each listed route how many generated descriptions its metadata holds.</summary>
    private static async Task<(string Json, List<int> Described)> ReadAsync(Assembly program, string binder)
    {
        var builder = PulyaApplication.CreateBuilder([]).UseTestTransport(TestTransport.TestServer);
        builder.Logging.ClearProviders();
        builder.Configuration["Pulya:Binder"] = binder;
        builder.Services.AddSingleton(program.GetType("Sample.Clock")!);
        builder.Services.AddSingleton(program.GetType("Sample.Registered")!);
        builder.Pulya.AddOpenApi();
        var app = builder.Build();
        program.GetType("Sample.Endpoints")!.GetMethod("Map")!.Invoke(null, [app]);
        app.MapOpenApi();
        await using var client = await PulyaTestClient.StartAsync(app);
        var described = app.Router!.Table.Routes.Where(r => r.Method != "HEAD" && !r.Template.Text.StartsWith("/openapi", StringComparison.Ordinal))
            .Select(r => r.Metadata.OfType<GeneratedOperation>().Count()).ToList();
        return (await client.Client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)), described);
    }
}
