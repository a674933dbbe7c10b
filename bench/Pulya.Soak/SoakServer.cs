using System.Diagnostics;
using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Pulya.Hosting;
using Pulya.Routing.Cached;
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
        app.MapGet(StatsPath, () => Read(app));
        await app.RunAsync();
        // 1 when the options were invalid (RunAsync logged which).
        return Environment.ExitCode;
    }

    private static ServerStats Read(PulyaApplication app)
    {
        var cache = app.Services.GetRequiredService<IOptions<RouteCacheOptions>>().Value;
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
            cache.Enabled ? cache.Capacity : null);
    }

    /// <summary>
    /// The number of entries of the route cache, when the outermost router is the cache decorator: a public int
    /// <c>Count</c> on the router, or on its <c>Cache</c> property (the module keeps both internal, so this is read by
    /// reflection; a diagnostic of the soak tool only). Null when no cache is in use.
    /// </summary>
    private static int? RouteCacheCount(object? router)
    {
        const BindingFlags Any = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance;
        if (router is null)
        {
            return null;
        }

        if (router.GetType().GetProperty("Count", Any) is { PropertyType: var type } count && type == typeof(int))
        {
            return (int)count.GetValue(router)!;
        }

        var cache = router.GetType().GetProperty("Cache", Any)?.GetValue(router);
        return cache?.GetType().GetProperty("Count", Any) is { PropertyType: var cacheType } cacheCount && cacheType == typeof(int)
            ? (int)cacheCount.GetValue(cache)!
            : null;
    }
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
