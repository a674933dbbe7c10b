using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Features.Authentication;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Primitives;
using Pulya.Http;
using Pulya.Routing;

namespace Pulya.Abstractions.Tests.Http;

/// <summary>The caller's identity and the ASP.NET Core HttpContext that every request offers over its own features.</summary>
public sealed class RequestContextTests
{
    /// <summary>A request over a plain feature collection, with services and items of its own.</summary>
    private sealed class FeatureRequest(IServiceProvider services) : PulyaRequest
    {
        private Dictionary<object, object?>? _items;

        public int ItemsCreated { get; private set; }

        public override string Method => "GET";

        public override string Path => "/";

        public override string QueryString => "";

        public override Headers Headers => throw new NotSupportedException();

        public override RouteEntry? Route => null;

        public override IServiceProvider Services => services;

        public override IDictionary<object, object?> Items
        {
            get
            {
                if (_items is null)
                {
                    ItemsCreated++;
                    _items = [];
                }

                return _items;
            }
        }

        public override CancellationToken RequestAborted => CancellationToken.None;

        public override IFeatureCollection Features { get; } = Create();

        public override string? GetRouteValue(string name) => null;

        public override StringValues GetQuery(string name) => StringValues.Empty;

        private static FeatureCollection Create()
        {
            var features = new FeatureCollection();
            features.Set<IHttpRequestFeature>(new HttpRequestFeature { Method = "GET", Path = "/" });
            features.Set<IHttpResponseFeature>(new HttpResponseFeature());
            return features;
        }
    }

    /// <summary>
    /// A request served again and again, as a pooled one is: each request over new features (or the same ones, reset, as a
    /// connection's), its route and route values, and <see cref="End"/> as its end.
    /// </summary>
    private sealed class ReusedRequest : PulyaRequest
    {
        private IFeatureCollection? _features;
        private Dictionary<string, string> _values = [];
        private Dictionary<object, object?>? _items;
        private RouteEntry? _route;
        private IServiceProvider? _services;

        public override string Method => "GET";

        public override string Path => "/";

        public override string QueryString => "";

        public override Headers Headers => throw new NotSupportedException();

        public override RouteEntry? Route => _route;

        public override IServiceProvider Services => _services!;

        public override IDictionary<object, object?> Items => _items ??= [];

        public override CancellationToken RequestAborted => CancellationToken.None;

        public override IFeatureCollection Features => _features ?? throw new ObjectDisposedException(nameof(ReusedRequest));

        public override string? GetRouteValue(string name) => _values.GetValueOrDefault(name);

        public override StringValues GetQuery(string name) => StringValues.Empty;

        /// <summary>Starts a request over <paramref name="features"/>, matched to <paramref name="route"/> with <paramref name="values"/>.</summary>
        public void Begin(IFeatureCollection features, IServiceProvider services, RouteEntry? route = null, Dictionary<string, string>? values = null)
        {
            _features = features;
            _services = services;
            _route = route;
            _values = values ?? [];
        }

        /// <summary>Ends the request, as a pool resets a returned request.</summary>
        public void End()
        {
            ReleaseHttpContext();
            _features = null;
            _services = null;
            _route = null;
            _items = null;
        }

        public static FeatureCollection NewFeatures()
        {
            var features = new FeatureCollection();
            features.Set<IHttpRequestFeature>(new HttpRequestFeature { Method = "GET", Path = "/" });
            features.Set<IHttpResponseFeature>(new HttpResponseFeature());
            return features;
        }
    }

    [Fact]
    public void User_is_anonymous_until_set_and_lives_in_the_authentication_feature()
    {
        var request = new FeatureRequest(new ServiceCollection().BuildServiceProvider());

        var anonymous = request.User;
        Assert.False(anonymous.Identity!.IsAuthenticated);
        Assert.Same(anonymous, request.User);

        var alice = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "alice")], "test"));
        request.User = alice;
        Assert.Same(alice, request.User);
        Assert.Same(alice, request.Features.Get<IHttpAuthenticationFeature>()!.User);
        Assert.Throws<ArgumentNullException>(() => request.User = null!);
    }

    [Fact]
    public void Setting_the_user_first_creates_the_authentication_feature()
    {
        var request = new FeatureRequest(new ServiceCollection().BuildServiceProvider());
        var bob = new ClaimsPrincipal(new ClaimsIdentity("test"));

        request.User = bob;

        Assert.Same(bob, request.Features.Get<IHttpAuthenticationFeature>()!.User);
    }

    [Fact]
    public void HttpContext_is_created_once_over_the_requests_features_and_shares_user_services_and_items()
    {
        var services = new ServiceCollection().BuildServiceProvider();
        var request = new FeatureRequest(services);

        var http = request.HttpContext;
        Assert.Same(http, request.HttpContext);
        Assert.Same(request, http.Features.Get<PulyaRequest>());
        Assert.Equal(0, request.ItemsCreated);

        http.Items["k"] = "v";
        Assert.Equal("v", request.Items["k"]);
        Assert.Equal(1, request.ItemsCreated);
        Assert.Same(services, http.RequestServices);
        http.User = new ClaimsPrincipal(new ClaimsIdentity("test"));
        Assert.Same(http.User, request.User);

        var replacedServices = new ServiceCollection().BuildServiceProvider();
        http.RequestServices = replacedServices;
        http.Items = new Dictionary<object, object?> { ["other"] = 1 };
        Assert.Same(replacedServices, http.RequestServices);
        Assert.Equal(1, http.Items["other"]);
        Assert.Equal("GET", http.Request.Method);
    }

    [Fact]
    public void HttpContext_route_values_are_the_matched_routes_built_on_first_use_and_replaceable_and_the_endpoint_is_none_until_set()
    {
        var request = new ReusedRequest();
        request.Begin(ReusedRequest.NewFeatures(), new ServiceCollection().BuildServiceProvider(), new RouteEntry("GET", RouteTemplate.Parse("/users/{id}/{tab}")), new() { ["id"] = "7", ["tab"] = "posts" });

        var http = request.HttpContext;

        Assert.Null(http.GetEndpoint());
        Assert.Equal([new("id", "7"), new("tab", "posts")], http.Request.RouteValues.Select(v => KeyValuePair.Create(v.Key, v.Value as string)));
        Assert.Same(http.Request.RouteValues, http.Request.RouteValues);
        var endpoint = new Endpoint(_ => Task.CompletedTask, EndpointMetadataCollection.Empty, "test");
        http.SetEndpoint(endpoint);
        Assert.Same(endpoint, http.GetEndpoint());
        Assert.Same(endpoint, request.Features.Get<IEndpointFeature>()!.Endpoint);
        http.Request.RouteValues = new RouteValueDictionary { ["set"] = "by middleware" };
        Assert.Equal("by middleware", http.GetRouteValue("set"));

        var unmatched = new FeatureRequest(new ServiceCollection().BuildServiceProvider());
        Assert.Empty(unmatched.HttpContext.Request.RouteValues);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_reused_request_keeps_its_HttpContext_object_and_the_next_request_sees_nothing_of_the_last(bool sameFeatures)
    {
        var request = new ReusedRequest();
        var features = ReusedRequest.NewFeatures();
        var first = new ServiceCollection().BuildServiceProvider();
        request.Begin(features, first, new RouteEntry("GET", RouteTemplate.Parse("/users/{id}")), new() { ["id"] = "1" });
        var http = request.HttpContext;
        http.Items["mark"] = "first";
        http.RequestServices = new ServiceCollection().BuildServiceProvider();
        _ = http.Request.RouteValues;
        http.SetEndpoint(new Endpoint(_ => Task.CompletedTask, EndpointMetadataCollection.Empty, "first"));
        http.User = new ClaimsPrincipal(new ClaimsIdentity("first"));
        request.End();

        // Ended: the context throws rather than show another request, and ending it again changes nothing.
        Assert.Throws<ObjectDisposedException>(() => http.Items);
        Assert.Throws<ObjectDisposedException>(() => http.Features);
        request.End();

        var second = new ServiceCollection().BuildServiceProvider();
        var next = sameFeatures ? features : ReusedRequest.NewFeatures();
        if (sameFeatures)
        {
            // What a server does between two requests of a connection.
            next.Set<IHttpAuthenticationFeature>(null);
        }

        request.Begin(next, second, new RouteEntry("GET", RouteTemplate.Parse("/items/{name}")), new() { ["name"] = "pen" });
        var reused = request.HttpContext;

        Assert.Same(http, reused);
        Assert.Same(next, reused.Features);
        Assert.Same(request, reused.Features.Get<PulyaRequest>());
        Assert.Empty(reused.Items);
        Assert.Same(second, reused.RequestServices);
        Assert.Null(reused.GetEndpoint());
        Assert.Equal("pen", reused.GetRouteValue("name"));
        Assert.Null(reused.GetRouteValue("id"));
        Assert.False(reused.User.Identity!.IsAuthenticated);
    }

    [Fact]
    public void A_reused_request_that_is_not_ended_gets_a_clean_HttpContext_over_its_next_features()
    {
        var request = new ReusedRequest();
        request.Begin(ReusedRequest.NewFeatures(), new ServiceCollection().BuildServiceProvider());
        var http = request.HttpContext;
        http.Items = new Dictionary<object, object?> { ["mark"] = "first" };
        http.SetEndpoint(new Endpoint(_ => Task.CompletedTask, EndpointMetadataCollection.Empty, "first"));

        // No End(): the next request's features do not hold the request, so the context is attached to them afresh.
        var next = ReusedRequest.NewFeatures();
        request.Begin(next, new ServiceCollection().BuildServiceProvider());
        var again = request.HttpContext;

        Assert.Same(http, again);
        Assert.Same(next, again.Features);
        Assert.Empty(again.Items);
        Assert.Null(again.GetEndpoint());
    }
}
