using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Logging;
using Pulya.Sample;
using Pulya.Testing;

namespace Pulya.Tests.Sample;

/// <summary>The sample's service-style part: the <c>/api</c> group with its bearer token and filter, and request logging.</summary>
public sealed class SampleApiTests
{
    [Theory]
    [MemberData(nameof(TestTransports.Data), MemberType = typeof(TestTransports))]
    public async Task Api_routes_need_the_configured_bearer_token(TestTransport transport)
    {
        await using var client = await StartAsync(transport, null, "--Sample:ApiToken=t0ken");

        using var anonymous = await client.Client.GetAsync(TestApp.Path("/api/users/3"));
        client.Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "t0ken");
        using var user = await client.Client.GetAsync(TestApp.Path("/api/users/3"));

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("{\"id\":3,\"name\":\"user 3\"}", await user.Content.ReadAsStringAsync());
        Assert.Equal("{\"success\":true}", await client.Client.GetStringAsync(TestApp.Path("/")));
    }

    [Theory]
    [MemberData(nameof(TestTransports.Data), MemberType = typeof(TestTransports))]
    public async Task The_filter_rejects_an_invalid_user_before_it_is_created(TestTransport transport)
    {
        await using var client = await StartAsync(transport, null, "--Sample:ApiToken=t0ken");
        client.Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "t0ken");

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
        await using var client = await StartAsync(TestTransport.TestServer, logs, "--Sample:ApiToken=t0ken", $"--Sample:RequestLogging={enabled}");

        await client.Client.GetStringAsync(TestApp.Path("/str/"));

        Assert.Equal(enabled, logs.Entries.Any(e => e.Category == "Pulya.RequestLogging" && e.Message.StartsWith("GET /str/ responded 200", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task The_pass_through_middleware_leaves_every_answer_unchanged()
    {
        await using var plain = await StartAsync(TestTransport.TestServer, null, "--Sample:ApiToken=t0ken");
        await using var wrapped = await StartAsync(TestTransport.TestServer, null, "--Sample:ApiToken=t0ken", "--Sample:PassThroughMiddleware=true");

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
                SampleApp.UseMiddleware(app);
                SampleApp.MapRoutes(app);
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
            args);

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");
}
