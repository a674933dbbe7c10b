using Pulya.AspNetCore;
using Pulya.Hosting;
using Pulya.Sample;

// --Sample:SlimBuilder=true starts it with the slim builder (fewer host services), for start-up and memory comparisons.
var builder = SampleApp.UsesSlimBuilder(args) ? PulyaApplication.CreateSlimBuilder(args) : PulyaApplication.CreateBuilder(args);
SampleApp.ConfigureServices(builder);
if (args is ["mint-token", ..])
{
    // dotnet run --project samples/Pulya.Sample -- mint-token [subject]: a token for the /api group, valid for an hour.
    Console.WriteLine(SampleApp.MintToken(builder.Configuration, args.Length > 1 ? args[1] : "developer", TimeSpan.FromHours(1)));
    return;
}

var app = builder.Build();
if (string.Equals(app.Configuration[GitHubRoutes.ConfigurationKey], "true", StringComparison.OrdinalIgnoreCase))
{
    GitHubRoutes.Map(app);
}
else
{
    SampleApp.UseAspNetCore(app);
    SampleApp.UseMiddleware(app);
    // The public routes skip the ASP.NET Core pipeline: they pay nothing for the middleware the /api group needs.
    SampleApp.MapRoutes(app.MapGroup("/").SkipAspNetCore());
    SampleApp.MapValidated(app.MapGroup("/").SkipAspNetCore());
    SampleApp.MapApi(app);
    if (ScaleOut.IsEnabled(app.Configuration))
    {
        ScaleOut.MapRoutes(app);
    }
}

SampleApp.MapDocumentation(app);

await app.RunAsync();
