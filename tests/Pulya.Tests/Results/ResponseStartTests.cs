using System.Net;
using Microsoft.AspNetCore.Http.Features;
using Pulya.Http;
using Pulya.Testing;
using Pulya.Tests.Shared.Models;
using static Pulya.Tests.TestApp;

namespace Pulya.Tests.Results;

/// <summary>
/// A body of known length is written after the response has started (headers first, the bytes straight behind them):
/// OnStarting callbacks still run before the headers go out, also when they complete asynchronously, and every body
/// kind keeps its Content-Length.
/// </summary>
public abstract class ResponseStartTests(TestTransport transport) : TransportTests(transport)
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task OnStarting_callbacks_set_headers_before_every_kind_of_body(bool asynchronous)
    {
        await using var client = await StartAsync(app => app
            .MapGet("/text", (PulyaRequest request) => Started(request, asynchronous, "text"))
            .MapGet("/bytes", (PulyaRequest request) => Started(request, asynchronous, "bytes"u8.ToArray()))
            .MapGet("/memory", (PulyaRequest request) => Started(request, asynchronous, new ReadOnlyMemory<byte>("memory"u8.ToArray())))
            .MapGet("/json", (PulyaRequest request) => Started(request, asynchronous, new Item("json"))));

        foreach (var (path, body) in new[] { ("/text", "text"), ("/bytes", "bytes"), ("/memory", "memory"), ("/json", "{\"name\":\"json\"}") })
        {
            using var response = await client.Client.GetAsync(Path(path));

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(asynchronous ? "async" : "sync", Assert.Single(response.Headers.GetValues("X-Started")));
            Assert.Equal(body.Length, response.Content.Headers.ContentLength);
            Assert.Equal(body, await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task Head_with_an_asynchronous_OnStarting_callback_answers_the_length_without_a_body()
    {
        await using var client = await StartAsync(app => app.MapGet("/json", (PulyaRequest request) => Started(request, true, new Item("json"))));

        using var response = await client.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("async", Assert.Single(response.Headers.GetValues("X-Started")));
        Assert.Equal(15, response.Content.Headers.ContentLength);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_failing_asynchronous_OnStarting_callback_never_sends_half_a_response()
    {
        await using var client = await StartAsync(app => app.MapGet("/json", (PulyaRequest request) =>
        {
            request.Features.Get<IHttpResponseFeature>()!.OnStarting(async _ =>
            {
                await Task.Yield();
                throw new InvalidOperationException("callback failed");
            }, request);
            return new Item("json");
        }).MapGet("/next", () => new Item("next")));

        HttpResponseMessage? response = null;
        try
        {
            response = await client.Client.GetAsync(Path("/json"));
            Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        }
        catch (Exception ex) when (ex is HttpRequestException or InvalidOperationException)
        {
            // Kestrel cut the connection (or the in-memory server passed the callback's exception on): no half response.
        }
        finally
        {
            response?.Dispose();
        }

        Assert.Equal("{\"name\":\"next\"}", await client.Client.GetStringAsync(Path("/next")));
    }

    private static T Started<T>(PulyaRequest request, bool asynchronous, T result)
    {
        request.Features.Get<IHttpResponseFeature>()!.OnStarting(async state =>
        {
            if (asynchronous)
            {
                await Task.Yield();
            }

            ((IFeatureCollection)state).Get<IHttpResponseFeature>()!.Headers["X-Started"] = asynchronous ? "async" : "sync";
        }, request.Features);
        return result;
    }

    /// <summary>The suite in memory.</summary>
    public sealed class OnTestServer() : ResponseStartTests(TestTransport.TestServer);

    /// <summary>The suite over real Kestrel sockets.</summary>
    public sealed class OnKestrel() : ResponseStartTests(TestTransport.Kestrel);
}
