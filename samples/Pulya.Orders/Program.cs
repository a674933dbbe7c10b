using Microsoft.Extensions.DependencyInjection;
using Pulya;
using Pulya.Hosting;
using Pulya.Http;
using Pulya.Orders;

var builder = PulyaApplication.CreateBuilder(args);
builder.Services.AddSingleton<OrderBook>();
// Modules registered here, selected by configuration (appsettings.json or --Pulya:Router=Trie, ...).
builder.Pulya.AddTrieRouter().AddRouteCache().AddNewtonsoftJson().AddPooling();
var app = builder.Build();

app.MapGet("/health", () => Response.Text("ok"));
app.MapGet("/catalog/products", (string? category, int? page) => Catalog.Page(category, page ?? 1));
app.MapGet("/catalog/products/{sku}", (string sku) => Catalog.Find(sku) is { } product ? Response.Serialized(product) : Response.Serialized(new ApiError("Unknown product."), 404));
app.MapGet("/customers/{customerId:long}/orders", (long customerId, OrderBook book) => book.ForCustomer(customerId));
app.MapGet("/orders/{id:guid}", (Guid id, OrderBook book) => book.Get(id));
app.MapPost("/orders", ([Body] NewOrder order, OrderBook book) => Response.Serialized(book.Price(order), 201));
app.MapPut("/orders/{id:guid}/status", (Guid id, [Body] StatusChange change, OrderBook book) => book.Get(id) with { Status = change.Status });
app.MapDelete("/orders/{id:guid}", (Guid id) => Response.Status(204));
app.MapGet("/files/{*path}", (string path) => Response.Text($"file {path}"));

await app.RunAsync();
