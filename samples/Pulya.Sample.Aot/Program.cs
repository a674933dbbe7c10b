using Pulya.Hosting;
using Pulya.Sample.Aot;

// The example application published with Native AOT: dotnet publish -c Release -r linux-x64 -p:PublishAot=true
var builder = PulyaApplication.CreateBuilder(args);
AotApp.ConfigureServices(builder);
var app = builder.Build();
AotApp.MapRoutes(app);
app.Run();
