using Pulya.Hosting;
using Pulya.Sample;
using Pulya.Testing;

namespace Pulya.Serialization.Tests.EndToEnd;

/// <summary>Starts the sample application on a transport with a given default serializer, as <c>--Pulya:Serializer=...</c>.</summary>
internal static class SampleServer
{
    public static readonly TheoryData<string> SerializerNames = new() { "SystemTextJson", "NewtonsoftJson", "MessagePack" };

    public static async Task<PulyaTestClient> StartAsync(string serializer, TestTransport transport = TestTransport.TestServer)
    {
        var builder = PulyaApplication.CreateBuilder([$"--Pulya:Serializer={serializer}"]).UseTestTransport(transport);
        SampleApp.ConfigureServices(builder);
        var app = builder.Build();
        SampleApp.MapRoutes(app);
        return await PulyaTestClient.StartAsync(app);
    }
}
