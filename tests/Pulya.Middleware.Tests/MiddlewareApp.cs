using Microsoft.Extensions.Logging;
using Pulya.Hosting;
using Pulya.Testing;
using Pulya.Tests;

namespace Pulya.Middleware.Tests;

/// <summary>Starts an application on a transport with logs captured, for the middleware suites.</summary>
internal static class MiddlewareApp
{
    public static Task<PulyaTestClient> StartAsync(TestTransport transport, Action<PulyaApplication> map, CapturedLogs? logs = null, params string[] args) =>
        PulyaTestClient.StartAsync(transport, map, builder =>
        {
            builder.Logging.ClearProviders();
            if (logs is not null)
            {
                builder.Logging.SetMinimumLevel(LogLevel.Debug);
                builder.Logging.AddProvider(logs);
                builder.Logging.AddFilter<CapturedLogs>(null, LogLevel.Debug);
            }
        }, args);

    public static Uri Path(string path) => new(path, UriKind.Relative);
}
