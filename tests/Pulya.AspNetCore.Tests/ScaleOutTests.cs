using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.StackExchangeRedis;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Pulya.Hosting;
using Pulya.Http;
using Pulya.Sample;
using Pulya.Testing;
using StackExchange.Redis;

namespace Pulya.AspNetCore.Tests;

/// <summary>
/// Two instances of one application configured as the sample is with <c>ConnectionStrings:Redis</c> (<see cref="ScaleOut"/>),
/// on one real Redis: a cookie one issued is accepted by the other (shared data-protection keys), and a response one cached
/// is served by the other (shared output cache).
/// </summary>
public sealed class ScaleOutTests(RedisServer redis) : IClassFixture<RedisServer>
{
    [Theory]
    [MemberData(nameof(TestTransports.Data), MemberType = typeof(TestTransports))]
    public async Task A_cookie_issued_by_one_instance_is_accepted_by_the_other(TestTransport transport)
    {
        var instance = new Instance();
        await using var first = await instance.StartAsync(transport, redis);
        await using var second = await instance.StartAsync(transport, redis);

        using var login = await first.Client.PostAsync("/login?name=alice", null);
        var cookie = login.Headers.GetValues("Set-Cookie").Single().Split(';')[0];
        using var anonymous = await second.Client.GetAsync("/me");
        using var signedIn = await second.Client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/me") { Headers = { { "Cookie", cookie } } });
        using var tampered = await second.Client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/me") { Headers = { { "Cookie", cookie[..^4] + "AAAA" } } });

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        Assert.Equal("alice", await signedIn.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, tampered.StatusCode);
        // The key that protected the cookie is in Redis, not in a key ring the two instances would share on one machine anyway.
        Assert.All([first, second], instance => Assert.IsType<RedisXmlRepository>(instance.Application.Services.GetRequiredService<IOptions<KeyManagementOptions>>().Value.XmlRepository));
        var keys = await first.Application.Services.GetRequiredService<IConnectionMultiplexer>().GetDatabase().ListRangeAsync(ScaleOut.DataProtectionKey);
        Assert.Contains(keys, key => ((string)key!).Contains("<key id=", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(TestTransports.Data), MemberType = typeof(TestTransports))]
    public async Task A_response_cached_by_one_instance_is_served_by_the_other_without_running_the_handler(TestTransport transport)
    {
        var instance = new Instance();
        await using var first = await instance.StartAsync(transport, redis);
        await using var second = await instance.StartAsync(transport, redis);
        var key = Random.Shared.NextInt64(1, long.MaxValue).ToString(System.Globalization.CultureInfo.InvariantCulture);

        // Both through one load balancer: the same Host (the output cache varies by host). Over sockets the client may have
        // the whole response before the output cache has stored it, so the second request waits for the entry in Redis.
        using var miss = await GetAsync(first, $"/counted?key={key}");
        await StoredAsync(second, key).WaitAsync(TimeSpan.FromSeconds(30));

        using var hit = await GetAsync(second, $"/counted?key={key}");
        using var other = await GetAsync(second, $"/counted?key={key}0");

        Assert.Equal("1", await miss.Content.ReadAsStringAsync());
        Assert.Null(miss.Headers.Age);
        Assert.Equal("1", await hit.Content.ReadAsStringAsync());
        Assert.NotNull(hit.Headers.Age);
        Assert.Equal("2", await other.Content.ReadAsStringAsync());
        Assert.Equal(2, instance.Calls);
    }

    private static async Task StoredAsync(PulyaTestClient instance, string key)
    {
        var server = instance.Application.Services.GetRequiredService<IConnectionMultiplexer>().GetServers().Single();
        while (!server.Keys(pattern: $"*{key}*").Any())
        {
            await Task.Delay(10);
        }
    }

    private static Task<HttpResponseMessage> GetAsync(PulyaTestClient instance, string path) =>
        instance.Client.SendAsync(new HttpRequestMessage(HttpMethod.Get, path) { Headers = { Host = "pulya.test" } });

    /// <summary>The application both instances run: the sample's Redis set-up, cookie authentication and a cached counter.</summary>
    private sealed class Instance
    {
        private int _calls;

        /// <summary>How many times the handler of <c>/counted</c> ran, over both instances.</summary>
        public int Calls => _calls;

        public Task<PulyaTestClient> StartAsync(TestTransport transport, RedisServer redis) => PulyaTestClient.StartAsync(
            transport,
            app =>
            {
                app.UseAspNetCore(web =>
                {
                    web.UseAuthentication();
                    web.UseAuthorization();
                    web.UseOutputCache();
                });
                app.MapPost("/login", async (HttpContext http, [Query] string name) =>
                {
                    await http.SignInAsync(new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, name)], CookieAuthenticationDefaults.AuthenticationScheme)));
                    return "signed in";
                });
                app.MapGet("/me", (ClaimsPrincipal user) => user.Identity!.Name).RequireAuthorization();
                app.MapGet("/counted", ([Query] string key) => Interlocked.Increment(ref _calls).ToString(System.Globalization.CultureInfo.InvariantCulture))
                    .CacheOutput(p => p.SetVaryByQuery("key").Expire(TimeSpan.FromMinutes(1)));
            },
            builder =>
            {
                Assert.True(ScaleOut.AddRedis(builder));
                builder.Services.AddAuthorization();
                builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(o => o.Events.OnRedirectToLogin = context =>
                {
                    context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                    return Task.CompletedTask;
                });
            },
            $"--ConnectionStrings:{ScaleOut.RedisConnectionStringName}={redis.ConnectionString}");
    }
}
