using Microsoft.Extensions.DependencyInjection;
using System.Collections.Concurrent;
using System.Text;
using Pulya.Http;
using Pulya.Pooling;
using static Pulya.Tests.TestApp;
using Pulya.Testing;

namespace Pulya.Tests.Pipeline;

/// <summary>
/// The pipeline through a pool that really reuses objects (one retained instance, reset on return): a reused context
/// must never show an earlier request's route values, query, headers, items, body or scope.
/// </summary>
public abstract class ContextReuseTests(TestTransport transport) : TransportTests(transport)
{
    [Fact]
    public async Task A_reused_context_shows_nothing_of_the_previous_request()
    {
        await using var client = await StartAsync(
            app => app
                .MapPost("/a/{id}", (string id, [Body] string body, PulyaRequest request) =>
                {
                    var seen = $"{id}|{body}|{request.GetQuery("q")}|{request.Headers.Get("X-T")}|{request.Items.Count}";
                    request.Items["mark"] = id;
                    return seen;
                })
                .MapGet("/b", (PulyaRequest request) =>
                    $"{request.GetRouteValue("id") ?? "-"}|{request.GetQuery("q").Count}|{request.Headers.Get("X-T") ?? "-"}|{request.Items.Count}|{request.Services.GetHashCode() != 0}"),
            builder => builder.Pulya.AddPoolProvider<SingleSlotPoolProvider>("SingleSlot"),
            "--Pulya:PoolProvider=SingleSlot");
        var provider = (SingleSlotPoolProvider)client.Application.Services.GetRequiredKeyedService<IRequestPoolProvider>("SingleSlot");

        using var first = new HttpRequestMessage(HttpMethod.Post, "/a/1?q=secret") { Content = new StringContent("\"payload\"", Encoding.UTF8, "application/json") };
        first.Headers.Add("X-T", "token-1");
        using var firstResponse = await client.Client.SendAsync(first);
        Assert.Equal("1|payload|secret|token-1|0", await firstResponse.Content.ReadAsStringAsync());

        Assert.Equal("-|0|-|0|True", await client.Client.GetStringAsync(Path("/b")));
        Assert.Equal("-|0|-|0|True", await client.Client.GetStringAsync(Path("/b")));
        Assert.True(provider.Reused > 0);
        Assert.True(provider.Created < 3);
    }

    /// <summary>Keeps returned objects (after <see cref="IPoolable.Reset"/>) and hands them out again.</summary>
    private sealed class SingleSlotPoolProvider : IRequestPoolProvider
    {
        public int Created;
        public int Reused;

        public IRequestPool<T> Create<T>(Func<T> create)
            where T : class, IPoolable => new Pool<T>(this, create);

        private sealed class Pool<T>(SingleSlotPoolProvider owner, Func<T> create) : IRequestPool<T>
            where T : class, IPoolable
        {
            private readonly ConcurrentBag<T> _items = [];

            public T Rent()
            {
                if (_items.TryTake(out var item))
                {
                    Interlocked.Increment(ref owner.Reused);
                    return item;
                }

                Interlocked.Increment(ref owner.Created);
                return create();
            }

            public void Return(T item)
            {
                item.Reset();
                _items.Add(item);
            }
        }
    }

    /// <summary>The suite in memory.</summary>
    public sealed class OnTestServer() : ContextReuseTests(TestTransport.TestServer);

    /// <summary>The suite over real Kestrel sockets.</summary>
    public sealed class OnKestrel() : ContextReuseTests(TestTransport.Kestrel);
}
