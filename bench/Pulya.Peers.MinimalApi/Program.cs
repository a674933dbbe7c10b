using Pulya.Peers.MinimalApi;

// Same routes and bodies as samples/Pulya.Sample (SampleApp.cs), written the way a Minimal APIs user would (PeerApp).
// --Sample:GitHubRoutes=true serves the GitHub API route set instead (every template to one handler).
var builder = WebApplication.CreateBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.WebHost.ConfigureKestrel(options => options.AddServerHeader = false);
PeerApp.ConfigureServices(builder.Services);
var app = builder.Build();

if (string.Equals(app.Configuration["Sample:GitHubRoutes"], "true", StringComparison.OrdinalIgnoreCase))
{
    PeerApp.MapGitHubRoutes(app, Path.Combine(AppContext.BaseDirectory, "routes", "github.routes"));
}
else
{
    PeerApp.MapRoutes(app);
}

await app.RunAsync();
