using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Primitives;
using Microsoft.OpenApi;
using Pulya.AspNetCore;
using Pulya.DependencyInjection;
using Pulya.Hosting;
using Pulya.Http;
using Pulya.Middleware;
using Pulya.Routing;
using Pulya.Testing;

namespace Pulya.OpenApi.Tests;

public sealed class DocumentContentTests
{
    [Fact]
    public async Task Parameters_are_described_by_source_with_types_and_formats()
    {
        var document = await DocumentAsync(app =>
        {
            app.MapGet("/items/{id:guid}/{version:long}/{flag:bool}/{*rest}", (Guid id, long version, bool flag, string rest,
                int page, int? size, DateTime since, decimal? price, double ratio, Color color, string[] tags, StringValues more,
                [Query("q")] string? search, [Header("X-Trace")] string trace, [Cookie("session")] string? session, Point? near,
                PulyaRequest request, CancellationToken cancellation, [Service] Clock clock) => "ok");
            app.MapGet("/untyped/{id:int}/{key}/{big:long}/{g:guid}/{b:bool}", () => "ok");
        }, services => services.AddSingleton<Clock>());

        var operation = document.Paths["/items/{id}/{version}/{flag}/{rest}"].Operations![HttpMethod.Get];
        var parameters = operation.Parameters!.ToDictionary(p => p.Name!);
        Assert.Equal(["id", "version", "flag", "rest", "page", "size", "since", "price", "ratio", "color", "tags", "more", "q", "X-Trace", "session", "near"], parameters.Keys);
        Assert.Equal((ParameterLocation.Path, JsonSchemaType.String, "uuid"), Describe(parameters["id"]));
        Assert.Equal((ParameterLocation.Path, JsonSchemaType.Integer, "int64"), Describe(parameters["version"]));
        Assert.Equal((ParameterLocation.Path, JsonSchemaType.Boolean, null), Describe(parameters["flag"]));
        Assert.Equal((ParameterLocation.Path, JsonSchemaType.String, null), Describe(parameters["rest"]));
        Assert.Equal((ParameterLocation.Query, JsonSchemaType.Integer, "int32"), Describe(parameters["page"]));
        Assert.True(parameters["page"].Required);
        Assert.False(parameters["size"].Required);
        Assert.Equal((ParameterLocation.Query, JsonSchemaType.String, "date-time"), Describe(parameters["since"]));
        Assert.Equal((ParameterLocation.Query, JsonSchemaType.Number, "double"), Describe(parameters["price"]));
        Assert.Equal((ParameterLocation.Query, JsonSchemaType.Number, "double"), Describe(parameters["ratio"]));
        Assert.Equal(["red", "darkBlue"], parameters["color"].Schema!.Enum!.Select(v => v!.GetValue<string>()));
        Assert.Equal(JsonSchemaType.Array, parameters["tags"].Schema!.Type);
        Assert.Equal(JsonSchemaType.String, parameters["more"].Schema!.Items!.Type);
        Assert.False(parameters["q"].Required);
        Assert.Equal((ParameterLocation.Query, JsonSchemaType.String, null), Describe(parameters["near"])); // a TryParse type: text
        Assert.Equal((ParameterLocation.Header, JsonSchemaType.String, null), Describe(parameters["X-Trace"]));
        Assert.True(parameters["X-Trace"].Required);
        Assert.Equal((ParameterLocation.Cookie, JsonSchemaType.String, null), Describe(parameters["session"]));
        Assert.Equal(["200", "400", "404"], operation.Responses!.Keys);
        Assert.Equal("text/plain", Assert.Single(operation.Responses["200"].Content!).Key);

        var untyped = document.Paths["/untyped/{id}/{key}/{big}/{g}/{b}"].Operations![HttpMethod.Get];
        Assert.Equal(
            [(JsonSchemaType.Integer, "int32"), (JsonSchemaType.String, null), (JsonSchemaType.Integer, "int64"), (JsonSchemaType.String, "uuid"), (JsonSchemaType.Boolean, null)],
            untyped.Parameters!.Select(p => (p.Schema!.Type!.Value, p.Schema.Format)));
    }

    [Fact]
    public async Task Bodies_forms_and_streams_are_request_bodies_with_their_statuses()
    {
        var document = await DocumentAsync(app =>
        {
            app.MapPost("/json", (Order order) => order);
            app.MapPut("/optional", ([Body] Order? order) => Response.Status(204));
            app.MapPost("/stream", (Stream body) => Task.CompletedTask);
            app.MapPost("/signup", ([Form] string name, [Form("years")] int age, PulyaFile avatar, [Form] IReadOnlyList<PulyaFile> photos) => "ok");
            app.MapPost("/fields", ([Form] string name, [Form] int? age) => "ok");
            app.MapPost("/profile", ([Form] Profile profile) => "ok");
            app.MapPost("/form", (PulyaForm form) => "ok");
        });

        var json = document.Paths["/json"].Operations![HttpMethod.Post];
        Assert.True(json.RequestBody!.Required);
        Assert.Equal(["application/json"], json.RequestBody.Content!.Keys);
        Assert.Equal(["200", "400", "406", "413", "415"], json.Responses!.Keys.Order(StringComparer.Ordinal));
        Assert.False(document.Paths["/optional"].Operations![HttpMethod.Put].RequestBody!.Required);

        var stream = document.Paths["/stream"].Operations![HttpMethod.Post];
        Assert.Equal("binary", stream.RequestBody!.Content!["application/octet-stream"].Schema!.Format);
        Assert.Equal(["204", "413"], stream.Responses!.Keys.Order(StringComparer.Ordinal));

        var signup = document.Paths["/signup"].Operations![HttpMethod.Post].RequestBody!;
        var form = signup.Content!["multipart/form-data"].Schema!;
        Assert.Single(signup.Content);
        Assert.Equal(["name", "years", "avatar", "photos"], form.Properties!.Keys);
        Assert.Equal(["avatar", "name", "years"], form.Required!.Order());
        Assert.Equal("binary", form.Properties["avatar"].Format);
        Assert.Equal("binary", form.Properties["photos"].Items!.Format);

        var fields = document.Paths["/fields"].Operations![HttpMethod.Post].RequestBody!;
        Assert.Equal(["multipart/form-data", "application/x-www-form-urlencoded"], fields.Content!.Keys);

        var profile = document.Paths["/profile"].Operations![HttpMethod.Post].RequestBody!.Content!["multipart/form-data"].Schema!;
        Assert.Equal(["Name", "Nickname", "Picture"], profile.Properties!.Keys);
        Assert.Equal(["Name"], profile.Required!);

        var whole = document.Paths["/form"].Operations![HttpMethod.Post].RequestBody!;
        Assert.False(whole.Required);
        Assert.True(whole.Content!["multipart/form-data"].Schema!.Properties is null or { Count: 0 });
    }

    [Fact]
    public async Task Results_give_success_responses_by_type()
    {
        var document = await DocumentAsync(app =>
        {
            app.MapGet("/void", () => { });
            app.MapGet("/task", () => Task.CompletedTask);
            app.MapGet("/valuetask", () => ValueTask.CompletedTask);
            app.MapGet("/text", () => Task.FromResult("x"));
            app.MapGet("/bytes", () => new byte[1]);
            app.MapGet("/memory", () => new ReadOnlyMemory<byte>([1]));
            app.MapGet("/file", () => (Stream)new MemoryStream());
            app.MapGet("/sequence", () => Numbers());
            app.MapGet("/page", () => ValueTask.FromResult(new Page<Order>([], null)));
            app.MapGet("/response", () => Response.Status(202));
            app.MapGet("/declared", () => Response.Status(202)).Produces(202, typeof(Order)).Produces<string>(203).Produces(204);
            app.MapGet("/object", () => (object)1);
            app.MapGet("/shapes", () => new Shapes { Must = "x" });
        });

        Assert.Equal(["204"], Responses("/void"));
        Assert.Equal(["204"], Responses("/task"));
        Assert.Equal(["204"], Responses("/valuetask"));
        Assert.Equal(["text/plain"], Content("/text", "200"));
        Assert.Equal(["application/octet-stream"], Content("/bytes", "200"));
        Assert.Equal(["application/octet-stream"], Content("/memory", "200"));
        Assert.Equal(["application/octet-stream"], Content("/file", "200"));
        var sequence = Operation("/sequence").Responses!["200"].Content!["application/json"].Schema!;
        Assert.Equal((JsonSchemaType.Array, JsonSchemaType.Integer), (sequence.Type!.Value, sequence.Items!.Type!.Value));
        Assert.Equal(["200", "406"], Responses("/sequence"));
        Assert.Contains("PageOfOrder", document.Components!.Schemas!.Keys);
        Assert.Equal(["200"], Responses("/response"));
        Assert.Null(Operation("/response").Responses!["200"].Content);
        Assert.Equal(["202", "203", "204"], Responses("/declared"));
        Assert.Equal(["text/plain"], Content("/declared", "203"));
        Assert.Null(Operation("/declared").Responses!["204"].Content);
        Assert.Equal(["200"], Responses("/object"));

        var shapes = document.Components.Schemas["Shapes"];
        Assert.Equal(JsonSchemaType.Object, shapes.Properties!["byName"].Type);
        Assert.Equal(JsonSchemaType.Integer, shapes.Properties["byName"].AdditionalProperties!.Type);
        Assert.Equal(JsonSchemaType.String | JsonSchemaType.Null, shapes.Properties["color"].Type);
        Assert.Equal(["red", "darkBlue"], shapes.Properties["color"].Enum!.Take(2).Select(v => v!.GetValue<string>()));
        Assert.Equal(3, shapes.Properties["color"].Enum!.Count); // and null
        Assert.Equal(JsonSchemaType.Integer | JsonSchemaType.Null, shapes.Properties["count"].Type);
        Assert.Null(shapes.Properties["any"].Type);
        Assert.Equal("#/components/schemas/Shapes", ((OpenApiSchemaReference)shapes.Properties["self"].OneOf![1]).Reference.ReferenceV3);
        Assert.Equal(JsonSchemaType.Null, shapes.Properties["self"].OneOf![0].Type);
        Assert.Equal(JsonSchemaType.Array | JsonSchemaType.Null, shapes.Properties["list"].Type);
        Assert.Equal(["renamed"], shapes.Properties.Keys.Where(k => k == "renamed"));
        Assert.Equal(["must"], shapes.Required!);
        Assert.DoesNotContain("writeOnly", shapes.Properties.Keys);
        Assert.Equal(["Order", "Order2"], document.Components.Schemas.Keys.Where(k => k.StartsWith("Order", StringComparison.Ordinal)).Order());

        string[] Responses(string path) => [.. Operation(path).Responses!.Keys.Order(StringComparer.Ordinal)];
        string[] Content(string path, string status) => [.. Operation(path).Responses![status].Content!.Keys];
        OpenApiOperation Operation(string path) => document.Paths[path].Operations![HttpMethod.Get];
    }

    [Fact]
    public async Task Metadata_names_describes_tags_hides_and_secures_operations()
    {
        var document = await DocumentAsync(app =>
        {
            // Routes with [Authorize] start only where something enforces it: the ASP.NET Core bridge.
            app.UseAspNetCore(web => web.UseAuthentication().UseAuthorization());
            var admin = app.MapGroup("/admin").RequireBearerToken("secret").WithTags("admin");
            admin.MapGet("/stats", () => 1).WithName("Stats").WithSummary("Counts").WithDescription("All of them").ProducesProblem(500);
            admin.MapGet("/open", () => 1).WithMetadata(new AllowAnonymousAttribute());
            app.MapGet("/policy", [Authorize] () => 1);
            app.MapGet("/schemes", () => 1).WithMetadata(new AuthorizeAttribute { AuthenticationSchemes = "Basic, ApiKey" });
            app.MapGet("/custom", () => 1).RequireAuthentication(_ => ValueTask.FromResult(AccessDecision.Allow), "Signature realm=\"x\"");
            app.MapGet("/hidden", () => 1).ExcludeFromDescription();
            app.MapGet("/skipped", () => 1);
        }, services: services => services.AddAuthentication().Services.AddAuthorization(), configure: o =>
        {
            o.Title = "Mine";
            o.Version = "2.0";
            o.Description = "About";
            o.ShouldInclude = route => route.Template.Text != "/skipped";
            o.SecuritySchemes["ApiKey"] = new OpenApiSecurityScheme { Type = SecuritySchemeType.ApiKey, Name = "X-Key", In = ParameterLocation.Header };
        });

        Assert.Equal(("Mine", "2.0", "About"), (document.Info.Title, document.Info.Version, document.Info.Description));
        var stats = document.Paths["/admin/stats"].Operations![HttpMethod.Get];
        Assert.Equal(("Stats", "Counts", "All of them"), (stats.OperationId, stats.Summary, stats.Description));
        Assert.Equal(["admin"], stats.Tags!.Select(t => t.Name));
        Assert.Equal("application/problem+json", Assert.Single(stats.Responses!["500"].Content!).Key);
        Assert.Equal(["200", "401", "403", "406", "500"], stats.Responses.Keys.Order(StringComparer.Ordinal));
        Assert.Null(document.Paths["/admin/open"].Operations![HttpMethod.Get].Security);
        Assert.Equal(["Bearer"], SchemeIds("/policy"));
        Assert.Equal(["ApiKey", "Basic"], SchemeIds("/schemes").Order());
        Assert.Equal(["Signature"], SchemeIds("/custom"));
        Assert.Equal(SecuritySchemeType.ApiKey, document.Components!.SecuritySchemes!["ApiKey"].Type);
        Assert.Equal("basic", document.Components.SecuritySchemes["Basic"].Scheme);
        Assert.False(document.Paths.ContainsKey("/hidden"));
        Assert.False(document.Paths.ContainsKey("/skipped"));
        Assert.Equal(["admin", "testhost"], document.Tags!.Select(t => t.Name).Order());

        string[] SchemeIds(string path) => [.. Assert.Single(document.Paths[path].Operations![HttpMethod.Get].Security!).Keys.Select(k => k.Reference.Id!)];
    }

    [Fact]
    public async Task Types_with_converters_fields_and_custom_contracts_follow_the_serializer()
    {
        var document = await DocumentAsync(app =>
        {
            app.MapGet("/unusual", () => new Unusual());
            app.MapGet("/contracted", () => new Contracted());
        }, configureBuilder: builder => builder.Pulya.AddJsonTypeInfoResolver(new ContractResolver()));

        var unusual = document.Components!.Schemas!["Unusual"].Properties!;
        Assert.Equal(JsonSchemaType.Integer, unusual["huge"].Type);
        Assert.Equal(JsonSchemaType.String | JsonSchemaType.Null, unusual["version"].Type);
        Assert.Equal(JsonSchemaType.Number, unusual["small"].Type);
        Assert.Equal(JsonSchemaType.String | JsonSchemaType.Null, unusual["field"].Type);
        Assert.Equal(JsonSchemaType.String, unusual["required"].Type);
        Assert.Equal(JsonSchemaType.String, document.Components.Schemas["Contracted"].Properties!["custom"].Type);
    }

    /// <summary>
    /// The document of an application under the <c>Compiled</c> binder (read from the handlers); the same application under
    /// the <c>Generated</c> binder (its routes described by the source generator where it bound them) must give the same JSON.
    /// </summary>
    private static async Task<OpenApiDocument> DocumentAsync(Action<PulyaApplication> map, Action<IServiceCollection>? services = null, Action<PulyaOpenApiOptions>? configure = null, Action<PulyaApplicationBuilder>? configureBuilder = null)
    {
        var (document, json) = await ReadAsync("Compiled");
        var (_, generated) = await ReadAsync("Generated");
        GeneratedDocumentTests.AssertSameJson(json, generated);
        return document;

        async Task<(OpenApiDocument Document, string Json)> ReadAsync(string binder)
        {
            await using var client = await OpenApiTestApp.StartAsync(TestTransport.TestServer, app =>
            {
                map(app);
                app.MapOpenApi();
            }, builder =>
            {
                builder.Configuration["Pulya:Binder"] = binder;
                services?.Invoke(builder.Services);
                configureBuilder?.Invoke(builder);
                builder.Pulya.AddOpenApi(configure: configure);
            });
            return await OpenApiTestApp.ReadAsync(client.Client);
        }
    }

    private static (ParameterLocation, JsonSchemaType, string?) Describe(IOpenApiParameter parameter) =>
        (parameter.In!.Value, parameter.Schema!.Type!.Value, parameter.Schema.Format);

    private static async IAsyncEnumerable<int> Numbers()
    {
        await Task.Yield();
        yield return 1;
    }
}
