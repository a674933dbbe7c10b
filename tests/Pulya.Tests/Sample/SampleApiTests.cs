using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Pulya.AspNetCore;
using Pulya.Sample;
using Pulya.Testing;

namespace Pulya.Tests.Sample;

/// <summary>
/// The sample's service-style part: the <c>/api</c> group behind JwtBearer and a policy (through the ASP.NET Core bridge),
/// its filter, the static files of <c>wwwroot</c>, and request logging.
/// </summary>
public sealed class SampleApiTests
{
    [Theory]
    [MemberData(nameof(TestTransports.Data), MemberType = typeof(TestTransports))]
    public async Task Api_routes_need_a_JWT_with_the_api_scope(TestTransport transport)
    {
        await using var client = await StartAsync(transport, null);
        var configuration = client.Application.Configuration;

        using var anonymous = await client.Client.GetAsync(TestApp.Path("/api/users/3"));
        using var staticToken = await SendAsync(client, "/api/users/3", "change-me");
        using var otherKey = await SendAsync(client, "/api/users/3", ForeignToken(configuration));
        using var noScope = await SendAsync(client, "/api/users/3", Token(configuration, scope: "read"));
        using var user = await SendAsync(client, "/api/users/3", SampleApp.MintToken(configuration, "ada", TimeSpan.FromMinutes(5)));
        using var me = await SendAsync(client, "/api/me", SampleApp.MintToken(configuration, "ada", TimeSpan.FromMinutes(5)));

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("Bearer", anonymous.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Equal(HttpStatusCode.Unauthorized, staticToken.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, otherKey.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, noScope.StatusCode);
        Assert.Equal("{\"id\":3,\"name\":\"user 3\"}", await user.Content.ReadAsStringAsync());
        Assert.Equal("{\"id\":0,\"name\":\"ada\"}", await me.Content.ReadAsStringAsync());
        Assert.Equal("{\"success\":true}", await client.Client.GetStringAsync(TestApp.Path("/")));
    }

    [Theory]
    [MemberData(nameof(TestTransports.Data), MemberType = typeof(TestTransports))]
    public async Task An_anonymous_malformed_post_to_the_api_is_401_not_400(TestTransport transport)
    {
        await using var client = await StartAsync(transport, null);

        using var response = await client.Client.PostAsync(TestApp.Path("/api/users"), Json("{not json"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestTransports.Data), MemberType = typeof(TestTransports))]
    public async Task Index_html_is_served_from_wwwroot_with_an_ETag_and_304(TestTransport transport)
    {
        await using var client = await StartAsync(transport, null);

        using var page = await client.Client.GetAsync(TestApp.Path("/index.html"));
        using var again = new HttpRequestMessage(HttpMethod.Get, TestApp.Path("/index.html")) { Headers = { IfNoneMatch = { page.Headers.ETag! } } };
        using var notModified = await client.Client.SendAsync(again);
        using var missing = await client.Client.GetAsync(TestApp.Path("/missing.html"));

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType!.MediaType);
        Assert.Contains("<h1>Pulya sample</h1>", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("{\"error\":\"Not found.\"}", await missing.Content.ReadAsStringAsync());
    }

    [Theory]
    [MemberData(nameof(TestTransports.Data), MemberType = typeof(TestTransports))]
    public async Task The_filter_rejects_an_invalid_user_before_it_is_created(TestTransport transport)
    {
        await using var client = await StartAsync(transport, null);
        client.Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", SampleApp.MintToken(client.Application.Configuration, "ada", TimeSpan.FromMinutes(5)));

        using var created = await client.Client.PostAsync(TestApp.Path("/api/users"), Json("{\"id\":5,\"name\":\"ada\"}"));
        using var invalid = await client.Client.PostAsync(TestApp.Path("/api/users"), Json("{\"id\":0,\"name\":\"\"}"));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("/api/users/5", created.Headers.Location!.ToString());
        Assert.Equal((HttpStatusCode)422, invalid.StatusCode);
        Assert.Equal("{\"error\":\"A user needs an id above 0 and a name.\"}", await invalid.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Request_logging_follows_the_configuration(bool enabled)
    {
        var logs = new CapturedLogs();
        await using var client = await StartAsync(TestTransport.TestServer, logs, $"--Sample:RequestLogging={enabled}");

        await client.Client.GetStringAsync(TestApp.Path("/str/"));

        Assert.Equal(enabled, logs.Entries.Any(e => e.Category == "Pulya.RequestLogging" && e.Message.StartsWith("GET /str/ responded 200", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task The_pass_through_middleware_leaves_every_answer_unchanged()
    {
        await using var plain = await StartAsync(TestTransport.TestServer, null);
        await using var wrapped = await StartAsync(TestTransport.TestServer, null, "--Sample:PassThroughMiddleware=true");

        foreach (var path in new[] { "/", "/str/", "/some/1/and/2/7/other", "/missing", "/api/users/5" })
        {
            using var expected = await plain.Client.GetAsync(TestApp.Path(path));
            using var actual = await wrapped.Client.GetAsync(TestApp.Path(path));
            Assert.Equal(expected.StatusCode, actual.StatusCode);
            Assert.Equal(expected.Content.Headers.ContentType, actual.Content.Headers.ContentType);
            Assert.Equal(await expected.Content.ReadAsStringAsync(), await actual.Content.ReadAsStringAsync());
        }
    }

    private static Task<PulyaTestClient> StartAsync(TestTransport transport, CapturedLogs? logs, params string[] args) =>
        PulyaTestClient.StartAsync(
            transport,
            app =>
            {
                SampleApp.UseAspNetCore(app);
                SampleApp.UseMiddleware(app);
                SampleApp.MapRoutes(app.MapGroup("/").SkipAspNetCore());
                SampleApp.MapApi(app);
            },
            builder =>
            {
                SampleApp.ConfigureServices(builder);
                builder.Logging.ClearProviders();
                if (logs is not null)
                {
                    builder.Logging.AddProvider(logs);
                    builder.Logging.AddFilter<CapturedLogs>(null, LogLevel.Information);
                }
            },
            [$"--contentRoot={AppContext.BaseDirectory}", .. args]);

    private static async Task<HttpResponseMessage> SendAsync(PulyaTestClient client, string path, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, TestApp.Path(path)) { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", token) } };
        return await client.Client.SendAsync(request);
    }

    /// <summary>A token like the sample's, with another scope.</summary>
    private static string Token(IConfiguration configuration, string scope) =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Subject = new ClaimsIdentity([new Claim("sub", "ada"), new Claim("scope", scope)]),
            Issuer = configuration[SampleApp.JwtIssuerKey],
            Audience = configuration[SampleApp.JwtAudienceKey],
            Expires = DateTime.UtcNow.AddMinutes(5),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(configuration[SampleApp.JwtSigningKeyKey]!)), SecurityAlgorithms.HmacSha256),
        });

    /// <summary>A well-formed token signed with another key.</summary>
    private static string ForeignToken(IConfiguration configuration) =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Subject = new ClaimsIdentity([new Claim("sub", "mallory"), new Claim("scope", "api")]),
            Issuer = configuration[SampleApp.JwtIssuerKey],
            Audience = configuration[SampleApp.JwtAudienceKey],
            Expires = DateTime.UtcNow.AddMinutes(5),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes("another-key-of-thirty-two-bytes!!")), SecurityAlgorithms.HmacSha256),
        });

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");
}
