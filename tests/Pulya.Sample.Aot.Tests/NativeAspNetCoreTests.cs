using System.Net;
using System.Net.Http.Headers;

namespace Pulya.Sample.Aot.Tests;

/// <summary>
/// ASP.NET Core middleware through Pulya's bridge in the native binary: JwtBearer authentication and an authorization policy,
/// the rate limiter and the output cache, over real sockets (the publish itself is checked for warnings by <see cref="NativeSampleTests"/>).
/// </summary>
[Collection(NativeSample.Collection)]
public sealed class NativeAspNetCoreTests(NativeSample sample)
{
    [NativeAotFact]
    public async Task JwtBearer_and_the_policy_answer_401_without_a_token_and_200_with_one_the_binary_minted()
    {
        var token = await MintAsync("alice");
        using var running = await sample.StartAsync();

        using var anonymous = await GetAsync(running.Client, "/api/me", null);
        using var forged = await GetAsync(running.Client, "/api/me", token[..^4] + "AAAA");
        using var authorized = await GetAsync(running.Client, "/api/me", token);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, authorized.StatusCode);
        Assert.Equal("{\"name\":\"alice\"}", await authorized.Content.ReadAsStringAsync());
    }

    [NativeAotFact]
    public async Task The_rate_limiter_answers_429_once_the_window_is_used_up()
    {
        var token = await MintAsync("bob");
        using var running = await sample.StartAsync();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await GetAsync(running.Client, "/api/limited", token);
            statuses.Add(response.StatusCode);
        }

        // The sample's window: two permits a minute, no queue.
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }

    [NativeAotFact]
    public async Task The_output_cache_serves_the_second_request_without_running_the_handler()
    {
        using var running = await sample.StartAsync();

        using var first = await GetAsync(running.Client, "/cached", null);
        using var second = await GetAsync(running.Client, "/cached", null);

        Assert.Equal("{\"count\":1,\"cancellable\":false}", await first.Content.ReadAsStringAsync());
        Assert.Equal("{\"count\":1,\"cancellable\":false}", await second.Content.ReadAsStringAsync());
        Assert.Null(first.Headers.Age);
        Assert.NotNull(second.Headers.Age);
    }

    private async Task<string> MintAsync(string subject)
    {
        var (exitCode, output) = await sample.RunCommandAsync("mint-token", subject);
        Assert.Equal(0, exitCode);
        return output.Trim();
    }

    private static async Task<HttpResponseMessage> GetAsync(HttpClient client, string path, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await client.SendAsync(request);
    }
}
