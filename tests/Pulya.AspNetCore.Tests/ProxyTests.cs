using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Pulya.Testing;
using static Pulya.AspNetCore.Tests.BridgeApp;

namespace Pulya.AspNetCore.Tests;

public sealed class ProxyTests
{
    [Theory]
    [MemberData(nameof(TestTransports.Data), MemberType = typeof(TestTransports))]
    public async Task Forwarded_headers_set_scheme_and_remote_address_HTTPS_redirection_and_HSTS_follow(TestTransport transport)
    {
        await using var client = await StartAsync(
            transport,
            app =>
            {
                app.UseAspNetCore(web =>
                {
                    web.UseForwardedHeaders();
                    web.UseHsts();
                    web.UseHttpsRedirection();
                });
                app.MapGet("/where", (HttpContext http) => $"{http.Request.Scheme} {http.Connection.RemoteIpAddress}");
            },
            builder =>
            {
                builder.Services.Configure<ForwardedHeadersOptions>(o =>
                {
                    o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
                    o.KnownIPNetworks.Clear();
                    o.KnownProxies.Clear();
                });
                builder.Services.AddHttpsRedirection(o => o.HttpsPort = 443);
                builder.Services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(30));
            });

        using var proxied = new HttpRequestMessage(HttpMethod.Get, "/where") { Headers = { Host = "app.example.com" } };
        proxied.Headers.Add("X-Forwarded-Proto", "https");
        proxied.Headers.Add("X-Forwarded-For", "203.0.113.7");
        using var http = NoRedirects(client);
        using var secure = await http.SendAsync(proxied);
        using var direct = new HttpRequestMessage(HttpMethod.Get, "/where?x=1") { Headers = { Host = "app.example.com" } };
        using var redirected = await http.SendAsync(direct);

        Assert.Equal("https 203.0.113.7", await secure.Content.ReadAsStringAsync());
        Assert.Equal("max-age=2592000", secure.Headers.GetValues("Strict-Transport-Security").Single());
        Assert.Equal(HttpStatusCode.TemporaryRedirect, redirected.StatusCode);
        Assert.Equal("https://app.example.com/where?x=1", redirected.Headers.Location!.ToString());
        Assert.False(redirected.Headers.Contains("Strict-Transport-Security"));
    }
}
