using Pulya.Hosting;
using Pulya.Sample;

// --Sample:SlimBuilder=true starts it with the slim builder (fewer host services), for start-up and memory comparisons.
var builder = SampleApp.UsesSlimBuilder(args) ? PulyaApplication.CreateSlimBuilder(args) : PulyaApplication.CreateBuilder(args);
SampleApp.ConfigureServices(builder);
var app = builder.Build();
if (string.Equals(app.Configuration[GitHubRoutes.ConfigurationKey], "true", StringComparison.OrdinalIgnoreCase))
{
    GitHubRoutes.Map(app);
}
else
{
    SampleApp.UseMiddleware(app);
    SampleApp.MapRoutes(app);
    SampleApp.MapApi(app);
}

SampleApp.MapDocumentation(app);

await app.RunAsync();
