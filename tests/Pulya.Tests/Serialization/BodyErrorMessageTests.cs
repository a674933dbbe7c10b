using System.Net;
using System.Text;
using Pulya.Testing;

namespace Pulya.Tests.Serialization;

/// <summary>400 messages for bodies name the problem and the place in the declared schema, never text the client chose.</summary>
public abstract class BodyErrorMessageTests(TestTransport transport) : TransportTests(transport)
{
    [Theory]
    [InlineData("{\"EVIL<img src=x onerror=alert(1)>\":\"x\"}", "/scores", "path '$.*'")]
    [InlineData("{\"EVIL\\r\\nX-Injected: 1\":\"x\"}", "/scores", "path '$.*'")]
    [InlineData("{\"EVIL.with['odd']\":\"x\"}", "/scores", "path '$.*'")]
    [InlineData("{\"teams\":{\"EVIL<b>\":[{\"id\":\"x\"}]}}", "/league", "path '$.teams.*[0].id'")]
    [InlineData("{\"teams\":{\"a\":[{\"EVIL\":1,\"id\":\"x\"}]}}", "/league", "path '$.teams.*[0].id'")]
    public async Task Dictionary_keys_never_come_back_in_the_message(string body, string route, string path)
    {
        await using var client = await StartAsync(Map);

        var (status, message) = await PostAsync(client, route, body);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(path, message, StringComparison.Ordinal);
        Assert.DoesNotContain("EVIL", message, StringComparison.Ordinal);
        Assert.DoesNotContain("\\r", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_200_kilobyte_key_gives_a_short_message()
    {
        await using var client = await StartAsync(Map, null, "--Pulya:MaxRequestBodySize=1048576");

        var (status, message) = await PostAsync(client, "/scores", "{\"" + new string('k', 200 * 1024) + "\":\"x\"}");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.True(message.Length < 200, message);
        Assert.DoesNotContain("kkkk", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/scores", "{\"a\":1,\"a\":2}")]
    [InlineData("/league", "{\"teams\":{},\"teams\":{}}")]
    public async Task Duplicate_properties_are_named_as_such(string route, string body)
    {
        await using var client = await StartAsync(Map);

        var (status, message) = await PostAsync(client, route, body);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("duplicate property", message, StringComparison.Ordinal);
    }

    private static void Map(Pulya.Hosting.PulyaApplication app) => app
        .MapPost("/scores", ([Body] Dictionary<string, int> scores) => scores.Count)
        .MapPost("/league", ([Body] League league) => league.Teams.Count);

    private static async Task<(HttpStatusCode Status, string Message)> PostAsync(PulyaTestClient client, string route, string body)
    {
        using var response = await client.Client.PostAsync(TestApp.Path(route), new StringContent(body, Encoding.UTF8, "application/json"));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public sealed class League
    {
        public Dictionary<string, List<Member>> Teams { get; set; } = [];
    }

    public sealed record Member(int Id);

    /// <summary>The suite in memory.</summary>
    public sealed class OnTestServer() : BodyErrorMessageTests(TestTransport.TestServer);

    /// <summary>The suite over real Kestrel sockets.</summary>
    public sealed class OnKestrel() : BodyErrorMessageTests(TestTransport.Kestrel);
}
