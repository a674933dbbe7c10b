using Microsoft.Extensions.DependencyInjection;
using Pulya.Hosting;

// Three endpoints: text, a tiny JSON object, a route with one int parameter returning a small JSON object. The peers serve
// the same three: bench/Pulya.Peers.MinimalApi with --Peer:Trio=true (WebApplication.CreateSlimBuilder) and
// bench/Pulya.Peers.RawKestrel. Modules: the trie router and pooling, one context per connection (appsettings.json), the generated binder.
var builder = PulyaApplication.CreateSlimBuilder(args);
builder.Pulya.AddTrieRouter().AddPooling();
var app = builder.Build();
app.MapGet("/plaintext", () => "Hello, World!");
app.MapGet("/json", () => new HelloMessage("Hello, World!"));
app.MapGet("/users/{id:int}", (int id) => new User(id, $"user {id}"));
app.Run();

/// <summary>The body of <c>GET /json</c>.</summary>
public sealed record HelloMessage(string Message);

/// <summary>The body of <c>GET /users/{id}</c>.</summary>
public sealed record User(int Id, string Name);
