using Pulya.Hosting;
using Pulya.Sample.Aot;

// The example application published with Native AOT: dotnet publish -c Release -r linux-x64 -p:PublishAot=true
// The slim builder (as the Native AOT templates of ASP.NET Core use): command line, environment and appsettings.json
// without reload, console logging only, no HTTPS configuration loader; it starts in less time and memory.
var builder = PulyaApplication.CreateSlimBuilder(args);
AotApp.ConfigureServices(builder);
#region ASP.NET Core middleware (JwtBearer, authorization, rate limiter, output cache) through the bridge
AotAspNetCore.ConfigureServices(builder);
if (args is ["mint-token", ..])
{
    // Pulya.Sample.Aot mint-token [subject]: a token for the /api group, valid for an hour.
    Console.WriteLine(AotAspNetCore.MintToken(builder.Configuration, args.Length > 1 ? args[1] : "developer", TimeSpan.FromHours(1)));
    return;
}
#endregion
var app = builder.Build();
#region ASP.NET Core middleware: the pipeline and its routes
AotAspNetCore.UseAspNetCore(app);
AotAspNetCore.MapRoutes(app);
#endregion
AotApp.MapRoutes(app);
app.Run();
