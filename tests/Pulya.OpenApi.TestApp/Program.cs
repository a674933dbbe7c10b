using Pulya.Hosting;
using Pulya.OpenApi.TestApp;

var builder = PulyaApplication.CreateBuilder(args);
BuildTimeApp.ConfigureServices(builder);
var app = builder.Build();
BuildTimeApp.Map(app);
app.Run();
