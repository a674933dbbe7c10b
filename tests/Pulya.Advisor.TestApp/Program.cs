using Microsoft.Extensions.Options;
using Pulya;
using Microsoft.Extensions.DependencyInjection;
using Pulya.Hosting;

var builder = PulyaApplication.CreateBuilder(args);
builder.Pulya.AddTrieRouter();
// The module that changes what clients see: with Pulya:Rounding:Enabled=true prices are rounded.
builder.Pulya.AddModuleOptions<RoundingOptions>("Rounding");
var app = builder.Build();
app.MapGet("/prices/{id:int}", (int id, IOptions<RoundingOptions> rounding) => new Price(id, rounding.Value.Enabled ? Math.Round(id * 1.15, 0) : id * 1.15));
app.MapPost("/quotes", ([Body] Quote quote) => new Price(quote.Id, quote.Quantity * 2.5));
await app.RunAsync();

/// <summary>Options of the answer-changing module.</summary>
internal sealed class RoundingOptions
{
    public bool Enabled { get; set; }
}

internal sealed record Price(int Id, double Amount);

internal sealed record Quote(int Id, int Quantity);
