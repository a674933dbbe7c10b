using Microsoft.Extensions.Logging;
using Pulya.Hosting;
using Pulya.Testing;

namespace Pulya.Tests;

/// <summary>Starts a small application in-process for a test, with logs captured.</summary>
internal static class TestApp
{
    public static Task<PulyaTestClient> StartAsync(Action<PulyaApplication> map, Action<PulyaApplicationBuilder>? configure = null, params string[] args) =>
        PulyaTestClient.StartAsync(map, builder =>
        {
            builder.Logging.ClearProviders();
            configure?.Invoke(builder);
        }, args);

    public static Task<PulyaTestClient> StartWithLogsAsync(Action<PulyaApplication> map, CapturedLogs logs, params string[] args) =>
        PulyaTestClient.StartAsync(map, builder =>
        {
            builder.Logging.ClearProviders();
            builder.Logging.SetMinimumLevel(LogLevel.Debug);
            builder.Logging.AddProvider(logs);
            // The sample's appsettings.json flows into test output folders; this provider sees everything regardless.
            builder.Logging.AddFilter<CapturedLogs>(null, LogLevel.Debug);
        }, args);

    public static Uri Path(string path) => new(path, UriKind.Relative);
}
