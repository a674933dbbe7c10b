using Pulya.Hosting;
using Pulya.Sample.Aot;

// The example application published with Native AOT: dotnet publish -c Release -r linux-x64 -p:PublishAot=true
// The slim builder (as the Native AOT templates of ASP.NET Core use): command line, environment and appsettings.json
// without reload, console logging only, no HTTPS configuration loader; it starts in less time and memory.
var builder = PulyaApplication.CreateSlimBuilder(args);
AotApp.ConfigureServices(builder);
var app = builder.Build();
AotApp.MapRoutes(app);
app.Run();
