using System.Net;
using System.Net.Http.Headers;
using MessagePack;
using Microsoft.Extensions.DependencyInjection;
using Pulya.Conformance.Hosting;
using Pulya.Testing;
using MessagePackCodec = MessagePack.MessagePackSerializer;

namespace Pulya.Serialization.Tests.EndToEnd;

/// <summary>
/// Every serializer's results as clients receive them, on both servers: MessagePack answers on Kestrel (whose response
/// writer returns an empty block for a zero size hint before the response starts), and a value a JSON serializer cannot
/// write is the same JSON 500 under each of them.
/// </summary>
public sealed class SerializedResultTests
{
    private static readonly MessagePackSerializerOptions JsonNames = MessagePackSerializerOptions.Standard.WithResolver(JsonPropertyNamesResolver.Instance);

    public static TheoryData<TestTransport, string> TransportsAndJsonSerializers()
    {
        var data = new TheoryData<TestTransport, string>();
        foreach (var transport in TestTransports.All)
        {
            data.Add(transport, "SystemTextJson");
            data.Add(transport, "NewtonsoftJson");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(TestTransports.Data), MemberType = typeof(TestTransports))]
    public async Task MessagePack_results_arrive_whole_by_accept_and_as_the_default(TestTransport transport)
    {
        await using var negotiated = await StartSampleAsync(transport);
        await using var byDefault = await StartSampleAsync(transport, "--Pulya:Serializer=MessagePack");
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/", UriKind.Relative));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/msgpack"));

        using var accepted = await negotiated.Client.SendAsync(request);
        using var dynamic = await byDefault.Client.GetAsync(new Uri("/some/a/and/b/7/other", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal("application/msgpack", accepted.Content.Headers.ContentType!.MediaType);
        Assert.Equal(new SuccessResult(true), MessagePackCodec.Deserialize<SuccessResult>(await accepted.Content.ReadAsByteArrayAsync(), JsonNames));
        Assert.Equal(HttpStatusCode.OK, dynamic.StatusCode);
        Assert.Equal(new DynamicResult("a", "b", 7), MessagePackCodec.Deserialize<DynamicResult>(await dynamic.Content.ReadAsByteArrayAsync(), JsonNames));
    }

    [Theory]
    [MemberData(nameof(TransportsAndJsonSerializers))]
    public async Task Non_finite_numbers_are_the_json_500_under_every_json_serializer(TestTransport transport, string serializer)
    {
        await using var client = await PulyaTestClient.StartAsync(
            transport,
            app => app
                .MapGet("/nan", () => new { value = double.NaN })
                .MapGet("/infinity", () => new[] { float.NegativeInfinity })
                .MapGet("/finite", () => new { value = 1.5 }),
            builder => builder.Pulya.AddNewtonsoftJson(),
            $"--Pulya:Serializer={serializer}");

        foreach (var path in new[] { "/nan", "/infinity" })
        {
            using var response = await client.Client.GetAsync(new Uri(path, UriKind.Relative));
            Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
            Assert.Equal("{\"error\":\"Internal server error.\"}", await response.Content.ReadAsStringAsync());
        }

        Assert.Equal("{\"value\":1.5}", await client.Client.GetStringAsync(new Uri("/finite", UriKind.Relative)));
    }

    [Theory]
    [MemberData(nameof(TransportsAndJsonSerializers))]
    public async Task A_self_referencing_result_is_the_json_500(TestTransport transport, string serializer)
    {
        await using var client = await PulyaTestClient.StartAsync(
            transport,
            app => app.MapGet("/loop", () =>
            {
                var node = new Node();
                node.Next = node;
                return node;
            }),
            builder => builder.Pulya.AddNewtonsoftJson(),
            $"--Pulya:Serializer={serializer}");

        using var response = await client.Client.GetAsync(new Uri("/loop", UriKind.Relative));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("{\"error\":\"Internal server error.\"}", await response.Content.ReadAsStringAsync());
    }

    private static Task<PulyaTestClient> StartSampleAsync(TestTransport transport, params string[] args) =>
        PulyaTestClient.StartAsync(
            transport,
            ConformanceApp.MapRoutes,
            builder =>
            {
                ConformanceApp.ConfigureServices(builder);
                builder.Pulya.AddNewtonsoftJson().AddMessagePack();
            },
            args);

    public sealed class Node
    {
        public Node? Next { get; set; }
    }
}
