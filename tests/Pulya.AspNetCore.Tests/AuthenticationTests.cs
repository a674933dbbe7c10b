using System.Net;
using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Pulya.Http;
using Pulya.Testing;
using Pulya.Tests.Shared.Models;
using static Pulya.AspNetCore.Tests.BridgeApp;

namespace Pulya.AspNetCore.Tests;

public sealed class AuthenticationTests
{
    private static Task<PulyaTestClient> StartJwtAsync(TestTransport transport, Action<Pulya.Hosting.PulyaApplication> map) =>
        BridgeApp.StartAsync(
            transport,
            app =>
            {
                app.UseAspNetCore(web =>
                {
                    web.UseAuthentication();
                    web.UseAuthorization();
                });
                map(app);
            },
            builder =>
            {
                builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(Configure);
                builder.Services.AddAuthorization(o => o.AddPolicy("admin", p => p.RequireClaim("role", "admin")));
            });

    [Theory]
    [MemberData(nameof(TestTransports.Data), MemberType = typeof(TestTransports))]
    public async Task JwtBearer_answers_401_without_a_token_403_without_the_policy_claim_and_200_with_it(TestTransport transport)
    {
        await using var client = await StartJwtAsync(transport, app =>
            app.MapGroup("/admin").RequireAuthorization("admin")
                .MapGet("/whoami", (ClaimsPrincipal user, PulyaRequest request, HttpContext http) =>
                    $"{user.Identity!.Name} {user.FindFirstValue("role")} {ReferenceEquals(user, request.User)} {ReferenceEquals(user, http.User)}"));

        using var anonymous = await client.Client.SendAsync(Request(HttpMethod.Get, "/admin/whoami"));
        using var forged = await client.Client.SendAsync(Request(HttpMethod.Get, "/admin/whoami", "not-a-jwt"));
        using var reader = await client.Client.SendAsync(Request(HttpMethod.Get, "/admin/whoami", Token("bob", ("role", "reader"))));
        using var admin = await client.Client.SendAsync(Request(HttpMethod.Get, "/admin/whoami", Token("alice", ("role", "admin"))));

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("Bearer", anonymous.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, reader.StatusCode);
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
        Assert.Equal("alice admin True True", await admin.Content.ReadAsStringAsync());
    }

    [Theory]
    [MemberData(nameof(TestTransports.Data), MemberType = typeof(TestTransports))]
    public async Task Authorization_comes_before_the_body_an_anonymous_malformed_post_is_401_not_400(TestTransport transport)
    {
        var handled = 0;
        await using var client = await StartJwtAsync(transport, app =>
            app.MapPost("/items", ([Body] Item item) => { handled++; return item; }).RequireAuthorization());

        using var malformed = new StringContent("{not json", Encoding.UTF8, "application/json");
        using var anonymous = await client.Client.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/items") { Content = malformed });
        using var badBody = Request(HttpMethod.Post, "/items", Token("alice"));
        badBody.Content = new StringContent("{not json", Encoding.UTF8, "application/json");
        using var authenticated = await client.Client.SendAsync(badBody);
        using var goodBody = Request(HttpMethod.Post, "/items", Token("alice"));
        goodBody.Content = new StringContent("{\"name\":\"pen\"}", Encoding.UTF8, "application/json");
        using var created = await client.Client.SendAsync(goodBody);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, authenticated.StatusCode);
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.Equal("{\"name\":\"pen\"}", await created.Content.ReadAsStringAsync());
        Assert.Equal(1, handled);
    }

    [Theory]
    [MemberData(nameof(TestTransports.Data), MemberType = typeof(TestTransports))]
    public async Task AllowAnonymous_on_a_route_opens_it_inside_a_protected_group_and_policies_compose(TestTransport transport)
    {
        await using var client = await StartJwtAsync(transport, app =>
        {
            var api = app.MapGroup("/api").RequireAuthorization();
            api.MapGet("/public", (ClaimsPrincipal user) => $"public {user.Identity!.IsAuthenticated}").AllowAnonymous();
            api.MapGet("/private", () => "private");
            api.MapGet("/built", () => "built").RequireAuthorization(p => p.RequireClaim("role", "admin"));
            api.MapGet("/policy", () => "policy").RequireAuthorization(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireClaim("role", "ops").Build());
        });

        Assert.Equal("public False", await client.Client.GetStringAsync("/api/public"));
        using var closed = await client.Client.SendAsync(Request(HttpMethod.Get, "/api/private"));
        using var open = await client.Client.SendAsync(Request(HttpMethod.Get, "/api/private", Token("alice")));
        using var builtDenied = await client.Client.SendAsync(Request(HttpMethod.Get, "/api/built", Token("alice")));
        using var builtAllowed = await client.Client.SendAsync(Request(HttpMethod.Get, "/api/built", Token("alice", ("role", "admin"))));
        using var policyAllowed = await client.Client.SendAsync(Request(HttpMethod.Get, "/api/policy", Token("alice", ("role", "ops"))));

        Assert.Equal(HttpStatusCode.Unauthorized, closed.StatusCode);
        Assert.Equal("private", await open.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, builtDenied.StatusCode);
        Assert.Equal("built", await builtAllowed.Content.ReadAsStringAsync());
        Assert.Equal("policy", await policyAllowed.Content.ReadAsStringAsync());
    }

    [Theory]
    [MemberData(nameof(TestTransports.Data), MemberType = typeof(TestTransports))]
    public async Task Cookie_authentication_signs_in_and_out_through_the_handlers_HttpContext(TestTransport transport)
    {
        await using var client = await BridgeApp.StartAsync(
            transport,
            app =>
            {
                app.UseAspNetCore(web =>
                {
                    web.UseAuthentication();
                    web.UseAuthorization();
                });
                app.MapPost("/login", async (HttpContext http, [Query] string name) =>
                {
                    await http.SignInAsync(new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, name)], CookieAuthenticationDefaults.AuthenticationScheme)));
                    return "signed in";
                });
                app.MapPost("/logout", async (HttpContext http) =>
                {
                    await http.SignOutAsync();
                    return "signed out";
                });
                app.MapGet("/me", (ClaimsPrincipal user) => user.Identity!.Name).RequireAuthorization();
            },
            builder =>
            {
                builder.Services.AddAuthorization();
                builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(o =>
                {
                    o.Events.OnRedirectToLogin = context =>
                    {
                        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                        return Task.CompletedTask;
                    };
                });
            });

        using var before = await client.Client.GetAsync("/me");
        using var login = await client.Client.PostAsync("/login?name=alice", null);
        var cookie = login.Headers.GetValues("Set-Cookie").Single().Split(';')[0];
        using var me = new HttpRequestMessage(HttpMethod.Get, "/me") { Headers = { { "Cookie", cookie } } };
        using var signedIn = await client.Client.SendAsync(me);
        using var logout = new HttpRequestMessage(HttpMethod.Post, "/logout") { Headers = { { "Cookie", cookie } } };
        using var signedOut = await client.Client.SendAsync(logout);

        Assert.Equal(HttpStatusCode.Unauthorized, before.StatusCode);
        Assert.Equal("signed in", await login.Content.ReadAsStringAsync());
        Assert.StartsWith(".AspNetCore.Cookies=", cookie, StringComparison.Ordinal);
        Assert.Equal("alice", await signedIn.Content.ReadAsStringAsync());
        Assert.Equal("signed out", await signedOut.Content.ReadAsStringAsync());
        Assert.Contains(signedOut.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Cookies=;", StringComparison.Ordinal) && c.Contains("expires=Thu, 01 Jan 1970", StringComparison.Ordinal));
    }
}
