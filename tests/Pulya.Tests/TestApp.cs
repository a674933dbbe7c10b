using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Pulya.Hosting;
using Pulya.Testing;

namespace Pulya.Tests;

/// <summary>Starts a small application in-process for a test, with logs captured.</summary>
internal static class TestApp
{
    public static Task<PulyaTestClient> StartAsync(Action<PulyaApplication> map, Action<PulyaApplicationBuilder>? configure = null, params string[] args) =>
        StartAsync(TestTransport.TestServer, map, configure, args);

    /// <summary>Starts the application on <paramref name="transport"/>: in memory, or Kestrel on a free loopback port.</summary>
    public static Task<PulyaTestClient> StartAsync(TestTransport transport, Action<PulyaApplication> map, Action<PulyaApplicationBuilder>? configure = null, params string[] args) =>
        PulyaTestClient.StartAsync(transport, map, builder =>
        {
            builder.Logging.ClearProviders();
            configure?.Invoke(builder);
            UsePoolingWhenAsked(builder, args);
        }, args);

    public static Task<PulyaTestClient> StartWithLogsAsync(Action<PulyaApplication> map, CapturedLogs logs, params string[] args) =>
        StartWithLogsAsync(TestTransport.TestServer, map, logs, args);

    /// <summary>Starts the application on <paramref name="transport"/> with every log entry captured in <paramref name="logs"/>.</summary>
    public static Task<PulyaTestClient> StartWithLogsAsync(TestTransport transport, Action<PulyaApplication> map, CapturedLogs logs, params string[] args) =>
        StartWithLogsAsync(transport, map, logs, null, args);

    public static Task<PulyaTestClient> StartWithLogsAsync(TestTransport transport, Action<PulyaApplication> map, CapturedLogs logs, Action<PulyaApplicationBuilder>? configure, params string[] args) =>
        PulyaTestClient.StartAsync(transport, map, builder =>
        {
            configure?.Invoke(builder);
            builder.Logging.ClearProviders();
            builder.Logging.SetMinimumLevel(LogLevel.Debug);
            builder.Logging.AddProvider(logs);
            // The sample's appsettings.json flows into test output folders; this provider sees everything regardless.
            builder.Logging.AddFilter<CapturedLogs>(null, LogLevel.Debug);
            UsePoolingWhenAsked(builder, args);
        }, args);

    public static Uri Path(string path) => new(path, UriKind.Relative);

    /// <summary>
    /// <c>PULYA_TEST_POOLING=true dotnet test</c> runs the whole core suite with pooling on (provider <c>ObjectPool</c>);
    /// a test that sets <c>Pulya:Pooling:Enabled</c> or <c>Pulya:PoolProvider</c> itself keeps its setting.
    /// </summary>
    private static void UsePoolingWhenAsked(PulyaApplicationBuilder builder, string[] args)
    {
        if (string.Equals(Environment.GetEnvironmentVariable("PULYA_TEST_POOLING"), "true", StringComparison.OrdinalIgnoreCase)
            && !args.Any(a => a.Contains("Pulya:Pooling:Enabled", StringComparison.OrdinalIgnoreCase) || a.Contains("Pulya:PoolProvider", StringComparison.OrdinalIgnoreCase)))
        {
            builder.Pulya.AddPooling(o => o.Enabled = true);
        }
    }
}
