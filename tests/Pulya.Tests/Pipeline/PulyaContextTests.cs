using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Pulya.Pipeline;
using Pulya.Routing;
using Pulya.Serialization;

namespace Pulya.Tests.Pipeline;

/// <summary>The per-request context after its request ended (reset, possibly back in a pool).</summary>
public sealed class PulyaContextTests
{
    [Fact]
    public void A_reset_context_throws_instead_of_showing_request_data()
    {
        var context = CreateContext();
        context.Initialize(Features("/orders", "?id=7"));
        Assert.Equal("/orders", context.Path);

        context.Reset();

        Assert.Throws<ObjectDisposedException>(() => context.Method);
        Assert.Throws<ObjectDisposedException>(() => context.Path);
        Assert.Throws<ObjectDisposedException>(() => context.QueryString);
        Assert.Throws<ObjectDisposedException>(() => context.GetQuery("id"));
        Assert.Throws<ObjectDisposedException>(() => context.Features);
        Assert.Throws<ObjectDisposedException>(() => context.Services);
        Assert.Throws<ObjectDisposedException>(() => context.IsHead);
        Assert.Throws<ObjectDisposedException>(() => context.RequestBody);
        Assert.Throws<ObjectDisposedException>(() => context.RequestContentLength);
        Assert.Throws<ObjectDisposedException>(() => context.RouteSpan(0).Length);
        Assert.Empty(context.Headers);
        Assert.Empty(context.Items);
    }

    [Fact]
    public void A_reused_context_shows_only_the_new_request()
    {
        var context = CreateContext();
        context.Initialize(Features("/first", "?token=a"));
        context.Items["token"] = "a";
        Assert.Equal("a", context.GetQuery("token"));
        context.Reset();

        context.Initialize(Features("/second", string.Empty));

        Assert.Equal("/second", context.Path);
        Assert.Equal(0, context.GetQuery("token").Count);
        Assert.Empty(context.Items);
        Assert.Null(context.MatchedRoute);
    }

    [Fact]
    public void A_reused_context_keeps_a_small_items_dictionary_emptied_and_drops_a_large_one()
    {
        var context = CreateContext();
        context.Initialize(Features("/first", string.Empty));
        var small = context.Items;
        small["marker"] = true;
        context.Reset();
        context.Initialize(Features("/second", string.Empty));

        Assert.Same(small, context.Items);
        Assert.Empty(context.Items);

        for (var i = 0; i < 17; i++)
        {
            context.Items[i] = i;
        }

        context.Reset();
        context.Initialize(Features("/third", string.Empty));

        Assert.NotSame(small, context.Items);
        Assert.Empty(context.Items);
    }

    internal static PulyaContext CreateContext()
    {
        var services = new ServiceCollection().AddScoped<RequestHolder>().BuildServiceProvider();
        var pipeline = new PipelineServices(
            new PulyaOptions(),
            services.GetRequiredService<IServiceScopeFactory>(),
            NullLoggerFactory.Instance,
            new LinearRouterFactory().Create(new RouteTable([])),
            new SerializerSelector([new SystemTextJsonSerializer()]),
            new PulyaOptions().MaxRequestBodySize);
        return new PulyaContext(pipeline);
    }

    internal static FeatureCollection Features(string path, string query, IHttpResponseBodyFeature? body = null, string method = "GET")
    {
        var features = new FeatureCollection();
        features.Set<IHttpRequestFeature>(new HttpRequestFeature { Method = method, Path = path, QueryString = query });
        features.Set<IHttpResponseFeature>(new HttpResponseFeature());
        features.Set(body ?? new StreamResponseBodyFeature(Stream.Null));
        return features;
    }
}
