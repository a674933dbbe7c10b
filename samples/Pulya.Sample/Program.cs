using Pulya.Hosting;
using Pulya.Sample;

var builder = PulyaApplication.CreateBuilder(args);
SampleApp.ConfigureServices(builder);
var app = builder.Build();
SampleApp.MapRoutes(app);
await app.RunAsync();
