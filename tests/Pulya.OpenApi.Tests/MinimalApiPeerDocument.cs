using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Pulya.Peers.MinimalApi;

namespace Pulya.OpenApi.Tests;

/// <summary>The document Microsoft.AspNetCore.OpenApi writes for the Minimal APIs peer (bench/), run in-process on TestServer.</summary>
internal static class MinimalApiPeerDocument
{
    public static async Task<string> GetJsonAsync()
    {
        var builder = WebApplication.CreateBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseTestServer();
        PeerApp.ConfigureServices(builder.Services);
        builder.Services.AddOpenApi();
        await using var app = builder.Build();
        PeerApp.MapRoutes(app);
        app.MapOpenApi();
        await app.StartAsync();
        using var client = app.GetTestClient();
        return await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative));
    }
}
