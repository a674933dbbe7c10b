using Microsoft.Extensions.DependencyInjection;
using Pulya.Hosting;
using Pulya.Http;

namespace Pulya.OpenApi.TestApp;

public sealed record Note(int Id, string Text, string? Author = null);

/// <summary>The application's services and routes, shared by its Program and the tests that serve the same document.</summary>
public static class BuildTimeApp
{
    public static void ConfigureServices(PulyaApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Pulya.AddOpenApi(configure: o => o.Title = "Notes");
    }

    public static void Map(PulyaApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        // Tagged: the default tag would be the application's name, which differs between the built program and a test host.
        app.MapGet("/notes/{id:int}", (int id) => new Note(id, "text")).WithName("GetNote").WithTags("notes");
        app.MapPost("/notes", ([Body] Note note) => Response.Serialized(note, 201)).Produces<Note>(201).WithTags("notes");
        app.MapGet("/search", (string q, int page = 1) => new[] { new Note(page, q) }).WithTags("search");
        app.MapOpenApi();
    }
}
