using System.Collections.Concurrent;
using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Pulya.Http;
using Pulya.Testing;
using Pulya.Tests.Shared.Http;

namespace Pulya.AspNetCore.Tests;

/// <summary>
/// A pooled request context keeps its <c>HttpContext</c> for its next request (per connection with <c>PerConnection</c>), as
/// ASP.NET Core's hosting does: whatever a request leaves in it (items, user, route values, services, an endpoint) is never
/// seen by the next one, over keep-alive and pipelined connections, with every pool provider.
/// </summary>
public sealed class RequestIsolationTests
{
    /// <summary>The requests, in order, and what the bridge's middleware must see as each one enters it.</summary>
    private static readonly (string Path, string Entry, string Body)[] Sequence =
    [
        ("/users/1", "items=0 user=anonymous endpoint=HTTP: GET /users/{id:int} values=id:1 services=True", "user 1 /users/1"),
        ("/nowhere", "items=0 user=anonymous endpoint=none values= services=True", "{\"error\":\"Not found.\"}"),
        ("/users/2", "items=0 user=anonymous endpoint=HTTP: GET /users/{id:int} values=id:2 services=True", "user 2 /users/2"),
        ("/plain", "items=0 user=anonymous endpoint=HTTP: GET /plain values= services=True", "plain /plain"),
        ("/users/3", "items=0 user=anonymous endpoint=HTTP: GET /users/{id:int} values=id:3 services=True", "user 3 /users/3"),
    ];

    public static IEnumerable<object[]> TransportsAndProviders =>
        from transport in TestTransports.All
        from provider in new[] { "None", "ObjectPool", "PerConnection" }
        select new object[] { transport, provider };

    [Theory]
    [MemberData(nameof(TransportsAndProviders))]
    public async Task Nothing_a_request_leaves_in_its_HttpContext_reaches_the_next_request_on_a_keep_alive_connection(TestTransport transport, string provider)
    {
        var contexts = new ConcurrentQueue<HttpContext>();
        await using var client = await StartAsync(transport, provider, contexts);

        foreach (var (path, entry, body) in Sequence)
        {
            using var response = await client.Client.GetAsync(path);

            Assert.Equal(entry, response.Headers.GetValues("X-Entry").Single());
            Assert.Equal(body, await response.Content.ReadAsStringAsync());
        }

        var seen = contexts.ToArray();
        Assert.Equal(Sequence.Length, seen.Length);
        if (transport == TestTransport.Kestrel)
        {
            AssertReuse(provider, seen);
        }
    }

    [Theory]
    [InlineData("None")]
    [InlineData("PerConnection")]
    public async Task Nothing_a_request_leaves_in_its_HttpContext_reaches_the_next_pipelined_request(string provider)
    {
        var contexts = new ConcurrentQueue<HttpContext>();
        await using var client = await StartAsync(TestTransport.Kestrel, provider, contexts);
        using var connection = await RawHttpConnection.ConnectAsync(client.BaseAddress!.Port);

        // Every request in one write; the last one closes the connection, so the responses end with the stream.
        var requests = new StringBuilder();
        for (var i = 0; i < Sequence.Length; i++)
        {
            requests.Append($"GET {Sequence[i].Path} HTTP/1.1\r\nHost: localhost\r\n{(i == Sequence.Length - 1 ? "Connection: close\r\n" : "")}\r\n");
        }

        await connection.SendAsync(requests.ToString());
        var responses = new List<string>();
        for (var i = 0; i < Sequence.Length; i++)
        {
            var response = await connection.ReadResponseAsync();
            Assert.True(response.Status != 0 && response.Complete, $"response {i}: {response}");
            responses.Add(response.Text);
        }

        Assert.Empty((await connection.ReadToEndAsync()).Raw); // nothing after the last response
        Assert.Equal(Sequence.Length, responses.Count);
        for (var i = 0; i < Sequence.Length; i++)
        {
            var lines = responses[i].Split("\r\n");
            Assert.Equal("X-Entry: " + Sequence[i].Entry, lines.Single(l => l.StartsWith("X-Entry: ", StringComparison.Ordinal)));
            Assert.EndsWith("\r\n\r\n" + Sequence[i].Body, responses[i], StringComparison.Ordinal);
        }

        AssertReuse(provider, contexts.ToArray());
    }

    /// <summary>
    /// On one Kestrel connection: with <c>PerConnection</c> every request had the same <c>HttpContext</c> object (reused, and
    /// clean, as the entries show); without pooling each had its own, and one kept past its request throws instead of
    /// showing a later request.
    /// </summary>
    private static void AssertReuse(string provider, HttpContext[] seen)
    {
        switch (provider)
        {
            case "PerConnection":
                Assert.All(seen, http => Assert.Same(seen[0], http));
                break;
            case "None":
                Assert.Equal(seen.Length, seen.Distinct(ReferenceEqualityComparer.Instance).Count());
                Assert.Throws<ObjectDisposedException>(() => seen[0].Items);
                break;
        }
    }

    /// <summary>
    /// The bridge's middleware writes what it sees as the request enters (<c>X-Entry</c>), then leaves everything it can
    /// behind: an item, a user, route values, request services and, after the rest of the pipeline, an endpoint.
    /// </summary>
    private static Task<PulyaTestClient> StartAsync(TestTransport transport, string provider, ConcurrentQueue<HttpContext> contexts)
    {
        var replaced = new ServiceCollection().BuildServiceProvider();
        var leftOver = new Endpoint(_ => Task.CompletedTask, EndpointMetadataCollection.Empty, "left over");
        string[] args = provider switch
        {
            "ObjectPool" => ["--Pulya:Pooling:Enabled=true"],
            "PerConnection" => ["--Pulya:PoolProvider=PerConnection"],
            _ => [],
        };
        return PulyaTestClient.StartAsync(
            transport,
            app =>
            {
                app.UseAspNetCore(web => web.Use(async (HttpContext http, RequestDelegate next) =>
                {
                    contexts.Enqueue(http);
                    var request = http.Features.Get<PulyaRequest>()!;
                    var path = http.Request.Path.Value!;
                    http.Response.Headers["X-Entry"] =
                        $"items={http.Items.Count} user={http.User.Identity?.Name ?? "anonymous"} endpoint={http.GetEndpoint()?.DisplayName ?? "none"} "
                        + $"values={string.Join(',', http.Request.RouteValues.Select(v => $"{v.Key}:{v.Value}"))} "
                        + $"services={ReferenceEquals(http.RequestServices, request.Services)}";
                    http.Items["mark"] = path;
                    http.User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, path)], "test"));
                    http.Request.RouteValues = new RouteValueDictionary { ["mark"] = path };
                    http.RequestServices = replaced;
                    await next(http);
                    http.SetEndpoint(leftOver);
                }));
                app.MapGet("/users/{id:int}", (int id, HttpContext http) => $"user {id} {http.Items["mark"]}");
                app.MapGet("/plain", (HttpContext http) => $"plain {http.Items["mark"]}");
            },
            builder => builder.Pulya.AddPooling(),
            args);
    }
}
