using Microsoft.Extensions.DependencyInjection;
using Pulya.DependencyInjection;
using Pulya.Hosting;
using Pulya.Http;

namespace Pulya.Sample.Aot;

/// <summary>
/// The example application in its Native AOT form: every handler is bound by generated code (constant templates,
/// lambdas with known types), JSON types are described by metadata the same generator writes (no
/// <c>[JsonSerializable]</c> context), and only AOT-compatible modules are registered (the trie router; not the
/// Newtonsoft.Json or MessagePack serializers), and the OpenAPI document at <c>/openapi/v1.json</c>.
/// </summary>
public static class AotApp
{
    public static void ConfigureServices(PulyaApplicationBuilder builder)
    {
        builder.Services.AddScoped<UserService>();
        builder.Services.AddSingleton<Counter>();
        builder.Pulya.AddTrieRouter();
        builder.Pulya.AddOpenApi(configure: o => o.Title = "Pulya AOT sample");
    }

    public static void MapRoutes(PulyaApplication app)
    {
        app.MapGet("/", () => new SuccessResult(true));
        app.MapGet("/wiring/{name}", (string name, UserService user, PulyaRequest request) => new Wiring("ok", user.Describe(), name, request.Headers.Get("X-Example")));
        app.MapGet("/headers/", ([Header("X-Example")] string? example) => new Dictionary<string, string?> { ["x-example"] = example });
        app.MapGet("/plain_response/", () => Response.Text("Hello in plain text!"));
        app.MapGet("/bytes/", () => "Hello in plain text!"u8.ToArray());
        app.MapGet("/str/", () => "Hello in plain text!");
        app.MapPost("/echo", ([Body] EchoBody body) => body);
        app.MapPost("/palette", ([Body] Palette palette) => palette);
        app.MapGet("/some/{id}/and/{another}/{route:int}/other", (string id, string another, int route) => new DynamicResult(id, another, route));
        app.MapGet("/count", async (Counter counter, CancellationToken token) =>
        {
            await Task.Yield();
            return new CountResult(counter.Next(), token.CanBeCanceled);
        });
        app.MapGet("/search", (string q, int page = 1, Shade shade = Shade.Light) => $"{q} page {page} {shade}");
        // A regex constraint: the regular-expression library stays in a native binary unless the application switches
        // the constraint off (Pulya.Routing.RegexConstraint.IsSupported=false, see the trio's project).
        app.MapGet("/tickets/{id:regex(^[a-z]+-[0-9]+$)}", (string id) => $"ticket {id}");
        app.MapGet("/last_route", () => new SuccessResult(true));
        app.MapOpenApi(); // the document is written from the generator's descriptions: no reflection under Native AOT
    }
}
