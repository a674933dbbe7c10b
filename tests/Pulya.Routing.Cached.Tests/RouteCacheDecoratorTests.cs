using System.Diagnostics.Metrics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Pulya.Diagnostics;
using Pulya.Routing;
using Pulya.Routing.Cached;
using Pulya.Testing;

namespace Pulya.Routing.Cached.Tests;

/// <summary>The decorator follows <c>Pulya:RouteCache</c>, publishes its counters, and works end to end.</summary>
public sealed class RouteCacheDecoratorTests
{
    private static readonly RouteTable Table = new([new RouteEntry("GET", RouteTemplate.Parse("/a/{id}"))]);

    [Fact]
    public void Disabled_returns_the_inner_router_unchanged()
    {
        using var services = Services(new RouteCacheOptions());
        var inner = new LinearRouterFactory().Create(Table);

        Assert.Same(inner, Decorator(services).Decorate(inner));
    }

    [Fact]
    public void Enabled_wraps_the_inner_router_with_the_configured_capacity()
    {
        var options = new RouteCacheOptions { Enabled = true, Capacity = 7, CacheMethodNotAllowed = true, Admission = RouteCacheAdmission.FirstMiss };
        using var services = Services(options);
        var inner = new LinearRouterFactory().Create(Table);

        var router = Assert.IsType<CachedRouter>(Decorator(services).Decorate(inner));
        router.Match("PUT", "/a/1", new Range[1]);

        Assert.Same(inner, router.Inner);
        Assert.Null(router.Doorkeeper);
        Assert.Equal(7, router.Cache.Capacity);
        Assert.Equal(1, router.Cache.Count);
    }

    [Fact]
    public void Null_arguments_are_refused()
    {
        using var services = Services(new RouteCacheOptions());
        var factory = services.GetRequiredService<IMeterFactory>();

        Assert.Throws<ArgumentNullException>(() => new RouteCacheDecorator(null!, factory));
        Assert.Throws<ArgumentNullException>(() => new RouteCacheDecorator(Options.Create(new RouteCacheOptions()), null!));
        Assert.Throws<ArgumentNullException>(() => Decorator(services).Decorate(null!));
        Assert.Throws<ArgumentNullException>(() => RouteCachePulyaBuilderExtensions.AddRouteCache(null!));
    }

    [Fact]
    public void Hits_misses_evictions_and_count_are_published_on_the_pulya_meter()
    {
        var options = new RouteCacheOptions { Enabled = true, Capacity = 1 };
        using var services = Services(options);
        var router = Decorator(services).Decorate(new LinearRouterFactory().Create(Table));
        var values = new Range[1];
        foreach (var path in new[] { "/a/1", "/a/1", "/a/1", "/a/2", "/a/2" })
        {
            router.Match("GET", path, values);
        }

        var measured = new Dictionary<string, long>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == PulyaMeter.Name && instrument.Name.StartsWith("pulya.route_cache.", StringComparison.Ordinal))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, _, _) => measured[instrument.Name] = value);
        listener.SetMeasurementEventCallback<int>((instrument, value, _, _) => measured[instrument.Name] = value);
        listener.Start();
        listener.RecordObservableInstruments();

        Assert.Equal(1, measured["pulya.route_cache.hits"]);
        Assert.Equal(4, measured["pulya.route_cache.misses"]);
        Assert.Equal(1, measured["pulya.route_cache.evictions"]);
        Assert.Equal(1, measured["pulya.route_cache.count"]);
    }

    public static TheoryData<TestTransport, string, RouteCacheAdmission> EndToEndCases()
    {
        var data = new TheoryData<TestTransport, string, RouteCacheAdmission>();
        foreach (var transport in TestTransports.All)
        {
            foreach (var routerName in new[] { "Linear", "Trie" })
            {
                foreach (var admission in Enum.GetValues<RouteCacheAdmission>())
                {
                    data.Add(transport, routerName, admission);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EndToEndCases))]
    public async Task Switched_on_by_configuration_it_routes_requests_end_to_end(TestTransport transport, string routerName, RouteCacheAdmission admission)
    {
        await using var client = await PulyaTestClient.StartAsync(
            transport,
            app =>
            {
                app.MapGet("/users/{id:int}", (int id) => new { id });
                app.MapGet("/users/me", () => new { me = true });
            },
            builder => builder.Pulya.AddTrieRouter().AddRouteCache().AddRouteCache(),
            "--Pulya:Router=" + routerName,
            "--Pulya:RouteCache:Enabled=true",
            "--Pulya:RouteCache:Capacity=4",
            "--Pulya:RouteCache:Admission=" + admission);

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal("{\"id\":" + i + "}", await client.Client.GetStringAsync(new Uri("/users/" + i, UriKind.Relative)));
            Assert.Equal("{\"id\":42}", await client.Client.GetStringAsync(new Uri("/users/42", UriKind.Relative)));
            Assert.Equal("{\"me\":true}", await client.Client.GetStringAsync(new Uri("/users/me", UriKind.Relative)));
        }

        using var notFound = await client.Client.GetAsync(new Uri("/users/x/y", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, notFound.StatusCode);
        using var post = await client.Client.PostAsync(new Uri("/users/me", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, post.StatusCode);
        var router = Assert.IsType<CachedRouter>(client.Application.Router);
        Assert.Equal(admission == RouteCacheAdmission.SecondMiss, router.Doorkeeper is not null);
        Assert.True(router.Cache.Hits > 0, "the repeated paths were never answered from the cache");
        Assert.True(router.Cache.Count <= 4);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-3")]
    public async Task A_capacity_below_one_stops_the_start_naming_the_key(string capacity)
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => PulyaTestClient.StartAsync(
            app => app.MapGet("/", () => "x"),
            builder => builder.Pulya.AddRouteCache(),
            "--Pulya:RouteCache:Enabled=true",
            "--Pulya:RouteCache:Capacity=" + capacity));

        Assert.Equal($"Pulya:RouteCache:Capacity: '{capacity}' is out of range; it must be at least 1 (entries).", error.Message);
    }

    [Fact]
    public async Task An_undefined_admission_value_stops_the_start_naming_the_key()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => PulyaTestClient.StartAsync(
            app => app.MapGet("/", () => "x"),
            builder => builder.Pulya.AddRouteCache(),
            "--Pulya:RouteCache:Enabled=true",
            "--Pulya:RouteCache:Admission=7"));

        Assert.Equal("Pulya:RouteCache:Admission: '7' is not an admission policy; use SecondMiss or FirstMiss.", error.Message);
    }

    [Fact]
    public async Task An_unknown_admission_name_stops_the_start_naming_the_key()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => PulyaTestClient.StartAsync(
            app => app.MapGet("/", () => "x"),
            builder => builder.Pulya.AddRouteCache(),
            "--Pulya:RouteCache:Enabled=true",
            "--Pulya:RouteCache:Admission=Sometimes"));

        Assert.Equal("Pulya:RouteCache:Admission: 'Sometimes' is not one of SecondMiss, FirstMiss.", error.Message);
    }

    [Fact]
    public async Task AddRouteCache_with_configure_switches_the_cache_on_without_configuration()
    {
        await using var client = await PulyaTestClient.StartAsync(
            app => app.MapGet("/a/{id}", (string id) => id),
            builder => builder.Pulya.AddRouteCache(o => o.Capacity = 3).AddRouteCache(o => o.Enabled = true));

        Assert.Equal("1", await client.Client.GetStringAsync(new Uri("/a/1", UriKind.Relative)));
        Assert.Equal("1", await client.Client.GetStringAsync(new Uri("/a/1", UriKind.Relative)));
        var router = Assert.IsType<CachedRouter>(client.Application.Router);
        Assert.Equal(3, router.Cache.Capacity);
        Assert.Equal(1, router.Cache.Count);
    }

    private static RouteCacheDecorator Decorator(ServiceProvider services) =>
        new(services.GetRequiredService<IOptions<RouteCacheOptions>>(), services.GetRequiredService<IMeterFactory>());

    private static ServiceProvider Services(RouteCacheOptions options)
    {
        var services = new ServiceCollection();
        services.AddMetrics();
        services.AddSingleton(Options.Create(options));
        return services.BuildServiceProvider();
    }
}
