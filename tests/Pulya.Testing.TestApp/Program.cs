using Pulya.Hosting;

namespace Pulya.Testing.TestApp;

/// <summary>A program that needs a setting from its appsettings.json (in a namespace, so that the test project's own reference to the sample's global Program stays unambiguous).</summary>
internal static class Program
{
    public static async Task Main(string[] args)
    {
        var builder = PulyaApplication.CreateBuilder(args);
        var app = builder.Build();
        var greeting = app.Configuration["Greeting:Text"] ?? throw new InvalidOperationException("Greeting:Text is not configured.");
        app.MapGet("/", () => greeting);
        await app.RunAsync();
    }
}
