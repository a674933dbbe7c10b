using Microsoft.AspNetCore.Mvc;

namespace Pulya.Peers.MinimalApi;

/// <summary>
/// Same routes and bodies as samples/Pulya.Sample (SampleApp.cs), written the way a Minimal APIs user would; Program
/// runs them, and tests build the same application in-process (e.g. to compare OpenAPI documents).
/// </summary>
internal static class PeerApp
{
    public static void ConfigureServices(IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddScoped<UserService>();
    }

    /// <summary>The GitHub API route set: every template of <paramref name="routesFile"/> to one handler.</summary>
    public static void MapGitHubRoutes(WebApplication app, string routesFile)
    {
        foreach (var line in File.ReadLines(routesFile))
        {
            var parts = line.Trim().Split(' ', 2, StringSplitOptions.TrimEntries);
            if (parts.Length == 2 && parts[0].Length > 0 && parts[0][0] != '#')
            {
                app.MapMethods(parts[1], [parts[0]], () => new SuccessResult(true));
            }
        }
    }

    public static void MapRoutes(WebApplication app)
    {
        app.MapGet("/", () => new SuccessResult(true));

        app.MapGet("/wiring/{name}", (string name, UserService user, HttpRequest request) => new Wiring(
            "ok",
            user.Describe(),
            name,
            [.. request.Headers.SelectMany(h => h.Value.Select(v => new[] { h.Key, v ?? string.Empty }))]));

        app.MapGet("/headers/", ([FromHeader(Name = "X-Example")] string? example) => new Dictionary<string, string?> { ["x-example"] = example });

        app.MapGet("/plain_response/", () => Results.Text("Hello in plain text!"));
        app.MapGet("/bytes/", () => Results.Bytes("Hello in plain text!"u8.ToArray()));
        app.MapGet("/str/", () => "Hello in plain text!");

        app.MapPost("/echo", (EchoBody body) => body);

        for (var i = 0; i < 100; i++)
        {
            var route = i;
            app.MapGet($"/some/{{id}}/and/{{another}}/{i}/other", (string id, string another) => new DynamicResult(id, another, route));
        }

        app.MapGet("/last_route", () => new SuccessResult(true));

        app.MapGet("/plaintext", () => "Hello, World!");
        app.MapGet("/json", () => new HelloMessage("Hello, World!"));
        app.MapGet("/users/{id:int}", (int id) => new User(id, $"user {id}"));
    }
}
