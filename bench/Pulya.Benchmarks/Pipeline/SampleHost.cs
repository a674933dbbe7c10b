using Microsoft.Extensions.Logging;
using Pulya.Hosting;
using Pulya.Sample;
using Pulya.Testing;

namespace Pulya.Benchmarks.Pipeline;

/// <summary>Starts the sample application in-process with the given configuration arguments, logging off.</summary>
public static class SampleHost
{
    public static Task<PulyaTestClient> StartAsync(params string[] args)
    {
        var builder = PulyaApplication.CreateBuilder(args).UseTestServer();
        builder.Logging.ClearProviders();
        SampleApp.ConfigureServices(builder);
        var app = builder.Build();
        SampleApp.MapRoutes(app);
        return PulyaTestClient.StartAsync(app);
    }
}
