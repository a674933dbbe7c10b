using System.Buffers.Text;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Pulya.LoadTest.Tests;

/// <summary>
/// Request headers per scenario: the <c>api-user</c> scenario sends a bearer token the tool mints with the sample's
/// development key, both load clients send it, and the two servers it compares (the sample under <c>aspnetcore-auth</c>,
/// the Minimal APIs peer with <c>--Peer:AspNetCoreAuth=true</c>) accept it and really run the policy and the rate limiter.
/// </summary>
public sealed class AuthenticatedScenarioTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private static Scenario ApiUser => Scenario.All(PeerParityTests.Root).Single(s => s.Name == Scenario.ApiUser);

    [Fact]
    public void The_api_user_scenario_sends_a_bearer_token_on_the_wire_with_every_request()
    {
        var request = Assert.Single(ApiUser.HttpRequests);
        var wire = Encoding.ASCII.GetString(request.Encode("127.0.0.1:5000"));

        Assert.True(ApiUser.Authenticated);
        Assert.False(Scenario.All(PeerParityTests.Root).Single(s => s.Name == "echo1").Authenticated);
        Assert.StartsWith("GET /api/users/5 HTTP/1.1\r\nHost: 127.0.0.1:5000\r\nAuthorization: Bearer eyJ", wire, StringComparison.Ordinal);
        Assert.EndsWith("\r\n\r\n", wire, StringComparison.Ordinal);
    }

    [Fact]
    public void A_scenario_with_a_body_keeps_its_content_type_beside_its_headers()
    {
        var scenario = new Scenario("x", "x", false, [("POST", "/echo")], [1, 2], [new("X-Trace", "7")]);

        var wire = Encoding.ASCII.GetString(Assert.Single(scenario.HttpRequests).Encode("h"));

        Assert.Contains("X-Trace: 7\r\nContent-Type: application/json\r\nContent-Length: 2\r\n", wire, StringComparison.Ordinal);
        Assert.False(scenario.Authenticated);
    }

    [Fact]
    public void The_token_is_an_HS256_JWT_of_the_samples_issuer_and_audience_with_the_api_scope()
    {
        var now = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);
        var token = ApiToken.Mint("issuer", "audience", "a-signing-key-of-at-least-32-bytes!", "someone", now, TimeSpan.FromHours(1));

        var parts = token.Split('.');
        Assert.Equal(3, parts.Length);
        Assert.Equal("""{"alg":"HS256","typ":"JWT"}""", Encoding.UTF8.GetString(Base64Url.DecodeFromChars(parts[0])));
        Assert.Equal(
            """{"sub":"someone","scope":"api","iss":"issuer","aud":"audience","iat":1700000000,"nbf":1700000000,"exp":1700003600}""",
            Encoding.UTF8.GetString(Base64Url.DecodeFromChars(parts[1])));
        var signature = HMACSHA256.HashData("a-signing-key-of-at-least-32-bytes!"u8.ToArray(), Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]));
        Assert.Equal(signature, Base64Url.DecodeFromChars(parts[2]));
    }

    [Fact]
    public void The_token_of_a_run_uses_the_samples_settings()
    {
        var token = ApiToken.Mint(PeerParityTests.Root, DateTimeOffset.UtcNow);

        using var payload = JsonDocument.Parse(Base64Url.DecodeFromChars(token.Split('.')[1]));
        Assert.Equal("pulya-sample", payload.RootElement.GetProperty("iss").GetString());
        Assert.Equal("pulya-sample-api", payload.RootElement.GetProperty("aud").GetString());
        Assert.Equal(ApiToken.Subject, payload.RootElement.GetProperty("sub").GetString());
    }

    [Fact]
    public void Wrk_gets_the_headers_but_the_content_type_and_refuses_requests_that_differ()
    {
        HttpRequestData Request(string value) => new("POST", "/echo", [new("Authorization", value), new("Content-Type", "application/json")], [1]);

        Assert.Equal(["Authorization: Bearer a"], WrkClient.HeaderLines([Request("Bearer a"), Request("Bearer a")]));
        Assert.Empty(WrkClient.HeaderLines([HttpRequestData.Json("GET", "/")]));
        Assert.Empty(WrkClient.HeaderLines([]));
        Assert.Throws<ArgumentException>(() => WrkClient.HeaderLines([Request("Bearer a"), Request("Bearer b")]));
    }

    [Fact]
    public void Only_the_servers_with_the_api_group_run_the_authenticated_scenario_and_the_auth_peer_runs_nothing_else()
    {
        var root = PeerParityTests.Root;
        var profile = ServerSpec.Profile(root, Path.Combine(root, "bench", "profiles", "aspnetcore-auth.json"));
        var root1 = Scenario.All(root).Single(s => s.Name == "root");

        Assert.True(profile.Runs(ApiUser));
        Assert.True(profile.Runs(root1));
        Assert.True(ServerSpec.Peer(root, ServerSpec.MinimalApiAuth).Runs(ApiUser));
        Assert.False(ServerSpec.Peer(root, ServerSpec.MinimalApiAuth).Runs(root1));
        Assert.False(ServerSpec.Peer(root, ServerSpec.MinimalApi).Runs(ApiUser));
        Assert.False(ServerSpec.Peer(root, ServerSpec.RawKestrel).Runs(ApiUser));
        Assert.True(ServerSpec.Server("r2r", typeof(AuthenticatedScenarioTests).Assembly.Location, ["--Sample:ApiRateLimit=true"]).Runs(ApiUser));
        Assert.False(ServerSpec.Server("aot", typeof(AuthenticatedScenarioTests).Assembly.Location, []).Runs(ApiUser));
        Assert.Contains(ServerSpec.MinimalApiAuth, LoadTestOptions.Parse([]).Peers);
        Assert.Contains(Scenario.ApiUser, LoadTestOptions.Parse(["--smoke"]).Scenarios!);
    }

    public static TheoryData<string> ComparedServers() => [ServerSpec.MinimalApiAuth, "aspnetcore-auth"];

    [Theory]
    [MemberData(nameof(ComparedServers))]
    public async Task The_compared_server_accepts_the_token_refuses_without_it_and_runs_the_rate_limiter(string server)
    {
        var root = PeerParityTests.Root;
        var spec = PeerParityTests.Local(server == ServerSpec.MinimalApiAuth
            ? ServerSpec.Peer(root, server)
            : ServerSpec.Profile(root, Path.Combine(root, "bench", "profiles", server + ".json")));
        // Two permits a second instead of the load test's million: the third request in a row is refused.
        spec = spec with { Arguments = [.. spec.Arguments, "--Sample:ApiRateLimitPermits=2"] };
        var (process, failure) = await spec.StartAsync(false, "/", Timeout);
        Assert.True(process is not null, $"{server}: {failure}");
        await using (process)
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{process.Port}") };
            var token = ApiUser.Headers!.Single().Value;
            async Task<(HttpStatusCode, string)> GetAsync(string? authorization)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, "/api/users/5");
                if (authorization is not null)
                {
                    request.Headers.Authorization = AuthenticationHeaderValue.Parse(authorization);
                }

                using var response = await client.SendAsync(request);
                return (response.StatusCode, await response.Content.ReadAsStringAsync());
            }

            var anonymous = await GetAsync(null);
            var answers = new List<(HttpStatusCode, string)> { await GetAsync(token) };
            // Two permits a one-second window: requests in a row meet a refusal once three fall into one window.
            while (answers.Count < 100 && answers[^1].Item1 == HttpStatusCode.OK)
            {
                answers.Add(await GetAsync(token));
            }

            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.Item1);
            Assert.Equal((HttpStatusCode.OK, """{"id":5,"name":"user 5"}"""), answers[0]);
            // Both limiters answer with ASP.NET Core's default rejection status, 503.
            Assert.Equal(HttpStatusCode.ServiceUnavailable, answers[^1].Item1);
        }
    }
}
