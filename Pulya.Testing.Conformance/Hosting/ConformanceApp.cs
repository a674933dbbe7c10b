using Microsoft.Extensions.DependencyInjection;
using Pulya.Testing.Conformance.Serialization;
using Pulya.Hosting;
using Pulya.Http;

namespace Pulya.Testing.Conformance.Hosting;

/// <summary>
/// The application the end-to-end suites run under each module combination: a root, an echo of a posted body, a header,
/// a scoped service, dynamic routes and a last route, with the shapes of the sample application. The suites register the
/// modules they test; this class registers none.
/// </summary>
public static class ConformanceApp
{
    /// <summary>How many <c>/some/{id}/and/{another}/{i}/other</c> routes stand before <c>/last_route</c>.</summary>
    public const int DynamicRouteCount = 10;

    /// <summary>Registers the services the routes use (a scoped <see cref="UserService"/>).</summary>
    /// <param name="builder">The application builder.</param>
    public static void ConfigureServices(PulyaApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddScoped<UserService>();
    }

    /// <summary>Maps the routes of the conformance application on <paramref name="app"/>.</summary>
    /// <param name="app">The application.</param>
    public static void MapRoutes(PulyaApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/", () => new SuccessResult(true));
        app.MapGet("/wiring/{name}", (string name, UserService user, PulyaRequest request) => new Wiring(
            "ok",
            user.Describe(),
            name,
            [.. request.Headers.SelectMany(h => h.Value.Select(v => new[] { h.Key, v ?? string.Empty }))]));
        app.MapGet("/headers/", ([Header("X-Example")] string? example) => new Dictionary<string, string?> { ["x-example"] = example });
        app.MapPost("/echo", ([Body] EchoBody body) => body);
        for (var i = 0; i < DynamicRouteCount; i++)
        {
            var route = i;
            app.MapGet($"/some/{{id}}/and/{{another}}/{i}/other", (string id, string another) => new DynamicResult(id, another, route));
        }

        app.MapGet("/last_route", () => new SuccessResult(true));
    }
}
