using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Pulya.Http;
using Pulya.Testing;

namespace Pulya.Pooling.Tests;

/// <summary>
/// The leak test: many concurrent clients, each request with its own token in a header, the query, the path and the body,
/// read back through route binding, query, headers, body, items and a scoped service. With pooling on and off, every
/// response carries only its own request's token, and with pooling on every context goes back to the pool, failed
/// requests included.
/// </summary>
public sealed class RequestIsolationTests
{
    private const int Clients = 64;
    private const int RequestsPerClient = 400;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Every_response_carries_only_its_own_requests_token(bool pooling)
    {
        await using var client = await StartAsync(pooling);

        var failures = await RunClientsAsync(client, Clients, RequestsPerClient);

        Assert.Empty(failures);
        AssertAllReturned(client, pooling, Clients * RequestsPerClient);
    }

    [Fact]
    public async Task Per_connection_contexts_on_real_sockets_carry_only_their_own_requests_token()
    {
        await using var client = await StartAsync(TestTransport.Kestrel, "--Pulya:PoolProvider=PerConnection");

        Assert.Empty(await RunClientsAsync(client, 16, 100));
    }

    private static async Task<ConcurrentQueue<string>> RunClientsAsync(PulyaTestClient client, int clients, int requestsPerClient)
    {
        var failures = new ConcurrentQueue<string>();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
        {
            for (var i = 0; i < requestsPerClient; i++)
            {
                var token = $"c{c}r{i}x{Guid.NewGuid():N}";
                using var request = new HttpRequestMessage(HttpMethod.Post, $"/tokens/{token}?q={token}")
                {
                    Content = JsonContent.Create(new TokenBody(token)),
                };
                request.Headers.Add("X-Token", token);
                using var response = await client.Client.SendAsync(request);
                var echo = await response.Content.ReadFromJsonAsync<TokenEcho>();
                if (response.StatusCode != HttpStatusCode.OK || echo is null)
                {
                    failures.Enqueue($"{token}: {response.StatusCode}");
                    continue;
                }

                string?[] seen = [echo.Route, echo.Header, echo.Query, echo.Body, echo.Service, echo.Item, echo.RouteValue, echo.Path];
                if (seen.Any(s => s != token && s != "/tokens/" + token) || echo.ItemsBefore != 0 || echo.HeaderCount != 3)
                {
                    failures.Enqueue($"{token} got {string.Join(", ", seen)} items {echo.ItemsBefore} headers {echo.HeaderCount}");
                }
            }
        })));
        return failures;
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Failed_requests_give_their_context_back(bool pooling)
    {
        await using var client = await StartAsync(pooling);

        using var thrown = await client.Client.GetAsync(new Uri("/fail", UriKind.Relative));
        using var badBody = await client.Client.PostAsync(new Uri("/tokens/t?q=t", UriKind.Relative), new StringContent("{", System.Text.Encoding.UTF8, "application/json"));
        using var notFound = await client.Client.GetAsync(new Uri("/nowhere", UriKind.Relative));

        Assert.Equal(HttpStatusCode.InternalServerError, thrown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badBody.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, notFound.StatusCode);
        AssertAllReturned(client, pooling, 3);
    }

    private static void AssertAllReturned(PulyaTestClient client, bool pooling, int requests)
    {
        var provider = (ObjectPoolRequestPoolProvider)client.Application.Services.GetRequiredKeyedService<IRequestPoolProvider>(ObjectPoolRequestPoolProvider.Name);
        if (!pooling)
        {
            Assert.Empty(provider.Pools);
            return;
        }

        // The server gives the context back just after the response is sent: wait for it, bounded.
        SpinWait.SpinUntil(() => provider.Outstanding == 0, TimeSpan.FromSeconds(30));
        var counters = Assert.Single(provider.Pools);
        Assert.Equal(0, counters.Outstanding);
        Assert.Equal(requests, counters.Rentals);
        Assert.Equal(requests, counters.Returns);
        Assert.Equal(0, counters.RejectedReturns);
        Assert.InRange(counters.Retained, 1, 16);
    }

    private static Task<PulyaTestClient> StartAsync(bool pooling) =>
        StartAsync(TestTransport.TestServer, $"--Pulya:Pooling:Enabled={pooling}");

    private static Task<PulyaTestClient> StartAsync(TestTransport transport, string selection) => PulyaTestClient.StartAsync(
        transport,
        app =>
        {
            app.MapPost("/tokens/{token}", async (string token, [Header("X-Token")] string header, [Query("q")] string query, [Body] TokenBody body, TokenService service, PulyaRequest request) =>
            {
                var itemsBefore = request.Items.Count;
                request.Items["token"] = token;

                // Complete asynchronously so that requests interleave on the pooled contexts.
                await Task.Yield();
                return new TokenEcho(token, header, query, body.Token, service.Token, request.Items["token"] as string, request.GetRouteValue("token"), request.Path, itemsBefore, request.Headers.Count(h => h.Key.StartsWith('X') || h.Key.StartsWith("Content-T", StringComparison.Ordinal) || h.Key == "Host"));
            });
            app.MapGet("/fail", string () => throw new InvalidOperationException("handler failed"));
        },
        builder =>
        {
            builder.Services.AddScoped<TokenService>();
            builder.Pulya.AddPooling();
        },
        selection,
        "--Pulya:Pooling:MaximumRetained=16");

    public sealed record TokenBody(string? Token);

    public sealed record TokenEcho(string? Route, string? Header, string? Query, string? Body, string? Service, string? Item, string? RouteValue, string? Path, int ItemsBefore, int HeaderCount);

    public sealed class TokenService(PulyaRequest request)
    {
        public string? Token => request.Headers.Get("X-Token");
    }
}
