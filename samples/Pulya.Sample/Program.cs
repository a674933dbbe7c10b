using Pulya.Hosting;
using Pulya.Sample;

var builder = PulyaApplication.CreateBuilder(args);
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

await app.RunAsync();
