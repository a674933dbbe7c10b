using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Pulya.Hosting;
using Pulya.Http;
using Pulya.Tests.Shared.Models;

namespace Pulya.Tests.Hosting;

public sealed class RouteTableExportTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"pulya-routes-{Guid.NewGuid():N}.json");

    public void Dispose() => File.Delete(_file);

    [Fact]
    public async Task The_route_table_file_lists_routes_parameters_body_schema_and_modules_and_the_application_keeps_serving()
    {
        await using var client = await TestApp.StartAsync(
            Map,
            builder =>
            {
                builder.Services.AddSingleton<Clock>();
                builder.Pulya.AddModuleOptions<SwitchOptions>("Switch");
            },
            $"--{RouteTableExport.ConfigurationKey}={_file}",
            "--Pulya:Switch:Enabled=true");

        var document = JsonNode.Parse(await File.ReadAllTextAsync(_file))!;
        Assert.Equal("Linear", (string?)document["selected"]!["Router"]);
        Assert.Equal("SystemTextJson", (string?)document["selected"]!["Serializer"]);
        Assert.Contains("Linear", document["registered"]!["Router"]!.AsArray().Select(n => (string?)n));
        Assert.Contains("Switch", document["registered"]!["Section"]!.AsArray().Select(n => (string?)n));
        Assert.True((bool)document["sections"]!["Switch"]!);

        var routes = document["routes"]!.AsArray();
        Assert.Equal(["GET /items/{id:int}", "GET /files/{*path}", "GET /search", "POST /items", "PUT /tags/{tag}"], routes.Select(r => $"{r!["method"]} {r["template"]}"));

        var id = routes[0]!["parameters"]![0]!;
        Assert.Equal(("route", "id", "int"), ((string?)id["source"], (string?)id["name"], (string?)id["constraint"]));
        Assert.Equal("integer", (string?)id["schema"]!["type"]);

        var path = routes[1]!["parameters"]![0]!;
        Assert.True((bool)path["catchAll"]!);
        Assert.Null(path["constraint"]);

        var search = routes[2]!["parameters"]!.AsArray().Select(p => ((string?)p!["source"], (string?)p["name"])).ToList();
        Assert.Equal([("header", "X-Tenant"), ("query", "q"), ("query", "page")], search);
        Assert.Equal("integer", (string?)routes[2]!["parameters"]![2]!["schema"]!["type"]);

        var post = routes[3]!;
        Assert.Equal(typeof(CountedItem).FullName, (string?)post["bodyType"]);
        Assert.NotNull(post["body"]!["properties"]!["name"]);
        Assert.NotNull(post["body"]!["properties"]!["count"]);

        // A route value the handler does not take is described as a string.
        Assert.Contains("\"string\"", routes[4]!["parameters"]![0]!["schema"]!["type"]!.ToJsonString(), StringComparison.Ordinal);

        var response = await client.Client.GetAsync("/items/3");
        Assert.Equal(200, (int)response.StatusCode);
    }

    [Fact]
    public async Task Without_the_key_no_file_is_written()
    {
        await using var client = await TestApp.StartAsync(Map, builder => builder.Services.AddSingleton<Clock>());

        Assert.Equal(200, (int)(await client.Client.GetAsync("/items/3")).StatusCode);
        Assert.False(File.Exists(_file));
    }

    private static void Map(PulyaApplication app)
    {
        app.MapGet("/items/{id:int}", (int id) => new CountedItem($"item {id}", id));
        app.MapGet("/files/{*path}", (string path) => path);
        app.MapGet("/search", ([Header("X-Tenant")] string tenant, [Query("q")] string term, int? page, Clock clock, PulyaRequest request) => term + page + tenant);
        app.MapPost("/items", ([Body] CountedItem item) => item);
        app.MapPut("/tags/{tag}", () => "ok");
    }

    public sealed class Clock;

    public sealed class SwitchOptions
    {
        public bool Enabled { get; set; }
    }
}
