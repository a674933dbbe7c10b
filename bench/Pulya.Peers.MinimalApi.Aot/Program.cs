using System.Text.Json.Serialization;

var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.WebHost.ConfigureKestrel(options => options.AddServerHeader = false);
builder.Services.ConfigureHttpJsonOptions(options => options.SerializerOptions.TypeInfoResolverChain.Insert(0, TrioJsonContext.Default));
var app = builder.Build();
app.MapGet("/plaintext", () => "Hello, World!");
app.MapGet("/json", () => new HelloMessage("Hello, World!"));
app.MapGet("/users/{id:int}", (int id) => new User(id, $"user {id}"));
app.Run();

internal sealed record HelloMessage(string Message);

internal sealed record User(int Id, string Name);

[JsonSerializable(typeof(HelloMessage))]
[JsonSerializable(typeof(User))]
internal sealed partial class TrioJsonContext : JsonSerializerContext;
