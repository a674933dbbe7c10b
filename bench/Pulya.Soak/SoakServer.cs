using System.Diagnostics;
using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Pulya.Hosting;
using Pulya.Sample;

namespace Pulya.Soak;

/// <summary>
/// The server side of a soak (<c>Pulya.Soak server --urls ... --Pulya:...</c>): the sample application, unchanged, plus
/// one route <c>GET /__soak/stats</c> that reports the process's memory and the route cache's size.
/// </summary>
internal static class SoakServer
{
    public const string StatsPath = "/__soak/stats";

    public static async Task<int> RunAsync(string[] args)
    {
        var builder = PulyaApplication.CreateBuilder(args);
        SampleApp.ConfigureServices(builder);
        var app = builder.Build();
        SampleApp.MapRoutes(app);
        var options = app.Services.GetRequiredService<IOptions<PulyaOptions>>().Value;
        app.MapGet(StatsPath, () => Read(app, options));
        await app.RunAsync();
        return 0;
    }

    private static ServerStats Read(PulyaApplication app, PulyaOptions options)
    {
        using var process = Process.GetCurrentProcess();
        var gc = GC.GetGCMemoryInfo();
        return new ServerStats(
            process.WorkingSet64,
            gc.HeapSizeBytes,
            GC.GetTotalMemory(forceFullCollection: false),
            GC.GetTotalAllocatedBytes(),
            GC.CollectionCount(0),
            GC.CollectionCount(1),
            GC.CollectionCount(2),
            app.Router?.GetType().Name ?? "none",
            RouteCacheCount(app.Router),
            options.RouteCache.Enabled ? options.RouteCache.Capacity : null);
    }

    /// <summary>The number of entries of the outermost router when it exposes one (a public int <c>Count</c>, as a cache does); null otherwise.</summary>
    private static int? RouteCacheCount(object? router) =>
        router?.GetType().GetProperty("Count", BindingFlags.Public | BindingFlags.Instance) is { PropertyType: var type } property && type == typeof(int)
            ? (int)property.GetValue(router)!
            : null;
}

/// <summary>What <c>/__soak/stats</c> returns.</summary>
internal sealed record ServerStats(
    long WorkingSet,
    long GcHeapAfterLastGc,
    long GcHeapNow,
    long TotalAllocated,
    int Gen0,
    int Gen1,
    int Gen2,
    string Router,
    int? RouteCacheCount,
    int? RouteCacheCapacity);
