using Microsoft.Extensions.Logging;
using Pulya.Hosting;
using Pulya.Testing;

namespace Pulya.Tests.Streaming;

/// <summary>Starts a small application on a transport (TestServer, or Kestrel at 127.0.0.1:0), logs off.</summary>
internal static class StreamingApp
{
    public static Task<PulyaTestClient> StartAsync(TestTransport transport, Action<PulyaApplication> map, Action<PulyaApplicationBuilder>? configure = null, params string[] args) =>
        PulyaTestClient.StartAsync(transport, map, builder =>
        {
            builder.Logging.ClearProviders();
            configure?.Invoke(builder);
        }, args);
}
