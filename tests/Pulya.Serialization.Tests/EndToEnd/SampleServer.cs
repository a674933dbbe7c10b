using Microsoft.Extensions.DependencyInjection;
using Pulya.Testing.Conformance.Hosting;
using Pulya.Hosting;
using Pulya.Testing;

namespace Pulya.Serialization.Tests.EndToEnd;

/// <summary>Starts the conformance application on a transport with every serializer registered and a given default one, as <c>--Pulya:Serializer=...</c>.</summary>
internal static class SampleServer
{
    public static readonly TheoryData<string> SerializerNames = new() { "SystemTextJson", "NewtonsoftJson", "MessagePack" };

    public static async Task<PulyaTestClient> StartAsync(string serializer, TestTransport transport = TestTransport.TestServer)
    {
        var builder = PulyaApplication.CreateBuilder([$"--Pulya:Serializer={serializer}"]).UseTestTransport(transport);
        ConformanceApp.ConfigureServices(builder);
        builder.Pulya.AddNewtonsoftJson().AddMessagePack();
        var app = builder.Build();
        ConformanceApp.MapRoutes(app);
        return await PulyaTestClient.StartAsync(app);
    }
}
