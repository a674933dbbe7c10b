using System.Security.Claims;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Features.Authentication;
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
}
