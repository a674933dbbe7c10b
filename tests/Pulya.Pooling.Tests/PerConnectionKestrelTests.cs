using Microsoft.Extensions.DependencyInjection;
using System.Runtime.CompilerServices;
using Pulya.Http;
using Pulya.Testing;

namespace Pulya.Pooling.Tests;

/// <summary>
/// The <c>PerConnection</c> provider over real Kestrel sockets: the requests of one keep-alive connection run on one
/// context, reset between requests; two connections never share a context.
/// </summary>
public sealed class PerConnectionKestrelTests
{
    [Fact]
    public async Task Keep_alive_requests_reuse_their_connections_context_and_connections_never_share()
    {
        var contexts = new ConditionalWeakTable<PulyaRequest, StrongBox<int>>();
        var next = 0;
        await using var server = await PulyaTestClient.StartAsync(
            TestTransport.Kestrel,
            app => app.MapGet("/context/{mark}", (string mark, PulyaRequest request) =>
            {
                var id = contexts.GetValue(request, _ => new StrongBox<int>(Interlocked.Increment(ref next))).Value;
                var seen = $"{id}|{request.Items.Count}|{request.GetQuery("q").Count}|{request.Headers.Get("X-Mark") ?? "-"}";
                request.Items["mark"] = mark;
                return seen;
            }),
            builder => builder.Pulya.AddPooling(),
            "--Pulya:PoolProvider=PerConnection");
        using var first = Connection(server);
        using var second = Connection(server);

        var a1 = await GetAsync(first, "/context/a1?q=secret", "a1");
        var b1 = await GetAsync(second, "/context/b1", null);
        var a2 = await GetAsync(first, "/context/a2", null);
        var b2 = await GetAsync(second, "/context/b2", null);
        var a3 = await GetAsync(first, "/context/a3", null);

        Assert.Equal(("0", "1", "a1"), (a1[1], a1[2], a1[3]));
        Assert.All([a2, a3, b1, b2], seen => Assert.Equal(["0", "0", "-"], seen[1..]));
        Assert.Equal(a1[0], a2[0]);
        Assert.Equal(a1[0], a3[0]);
        Assert.Equal(b1[0], b2[0]);
        Assert.NotEqual(a1[0], b1[0]);
    }

    /// <summary>A client with a single keep-alive connection of its own.</summary>
    private static HttpClient Connection(PulyaTestClient server) =>
        new(new SocketsHttpHandler { MaxConnectionsPerServer = 1 }) { BaseAddress = server.BaseAddress };

    private static async Task<string[]> GetAsync(HttpClient client, string path, string? mark)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        if (mark is not null)
        {
            request.Headers.Add("X-Mark", mark);
        }

        using var response = await client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadAsStringAsync()).Split('|');
    }
}
