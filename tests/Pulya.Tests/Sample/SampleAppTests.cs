using System.Net;
using System.Text;
using Pulya.Hosting;
using Pulya.Sample;
using Pulya.Testing;

namespace Pulya.Tests.Sample;

/// <summary>End-to-end tests of every route of the sample application, in memory and over real Kestrel sockets.</summary>
public abstract class SampleAppTests(TestTransport transport) : IAsyncLifetime
{
    private PulyaTestClient _client = null!;

    public async Task InitializeAsync()
    {
        var builder = PulyaApplication.CreateBuilder(Arguments).UseTestTransport(transport);
        SampleApp.ConfigureServices(builder);
        var app = builder.Build();
        SampleApp.MapRoutes(app);
        SampleApp.MapValidated(app);
        _client = await PulyaTestClient.StartAsync(app);
    }

    public async Task DisposeAsync() => await _client.DisposeAsync();

    /// <summary>Configuration arguments; derived classes run the same cases with other modules switched on.</summary>
    protected virtual string[] Arguments => [];

    private HttpClient Http => _client.Client;

    [Fact]
    public async Task Root_returns_success_json()
    {
        using var response = await Http.GetAsync(new Uri("/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("{\"success\":true}", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Wiring_returns_the_user_from_di_the_name_and_the_headers()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/wiring/alice");
        request.Headers.Add("X-Token", "t1");

        using var response = await Http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("{\"test\":\"ok\",\"user\":\"<User /wiring/alice>\",\"name\":\"alice\",\"headers\":[", body, StringComparison.Ordinal);
        Assert.Contains("[\"X-Token\",\"t1\"]", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Headers_route_echoes_x_example()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/headers/");
        request.Headers.Add("X-Example", "value 1");

        using var response = await Http.SendAsync(request);

        Assert.Equal("{\"x-example\":\"value 1\"}", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Headers_route_without_the_header_returns_null()
    {
        Assert.Equal("{\"x-example\":null}", await Http.GetStringAsync(new Uri("/headers/", UriKind.Relative)));
    }

    [Theory]
    [InlineData("/plain_response/", "text/plain")]
    [InlineData("/str/", "text/plain")]
    [InlineData("/bytes/", "application/octet-stream")]
    public async Task Text_routes_return_hello_in_plain_text(string path, string mediaType)
    {
        using var response = await Http.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(20, response.Content.Headers.ContentLength);
        Assert.Equal("Hello in plain text!", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Echo_returns_the_body_unchanged()
    {
        const string body = "{\"items\":[{\"a\":\"1\",\"b\":\"2\",\"c\":\"3\",\"d\":\"4\",\"e\":\"5\",\"f\":\"6\",\"g\":\"7\"},{\"a\":\"x\",\"b\":\"y\",\"c\":\"z\",\"d\":\"w\",\"e\":\"v\",\"f\":\"u\",\"g\":\"t\"}]}";

        using var response = await Http.PostAsync(new Uri("/echo", UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(body, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Signups_are_validated_and_a_400_lists_every_failing_member()
    {
        using var invalid = await Http.PostAsync(new Uri("/signups", UriKind.Relative), new StringContent("""{"name":"a","email":"nope","age":7}""", Encoding.UTF8, "application/json"));
        using var valid = await Http.PostAsync(new Uri("/signups", UriKind.Relative), new StringContent("""{"name":"ann","email":"ann@example.com","age":30}""", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal(
            """{"error":"One or more validation errors occurred.","errors":{"name":["The field Name must be a string with a minimum length of 2 and a maximum length of 32."],"email":["The Email field is not a valid e-mail address."],"age":["The field Age must be between 13 and 130."]}}""",
            await invalid.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Created, valid.StatusCode);
    }

    [Fact]
    public async Task Echo_with_truncated_json_is_a_400_naming_the_problem()
    {
        using var response = await Http.PostAsync(new Uri("/echo", UriKind.Relative), new StringContent("{\"items\":[{\"a\":\"1\"", Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("{\"error\":\"Malformed JSON body", text, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Echo_with_a_2_MB_body_is_413_and_the_server_keeps_serving()
    {
        var big = new string('a', 2 * 1024 * 1024);

        using var response = await Http.PostAsync(new Uri("/echo", UriKind.Relative), new StringContent(big, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("{\"success\":true}", await Http.GetStringAsync(new Uri("/", UriKind.Relative)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(42)]
    [InlineData(99)]
    public async Task Dynamic_routes_bind_both_values(int route)
    {
        var text = await Http.GetStringAsync(new Uri($"/some/abc/and/def/{route}/other", UriKind.Relative));

        Assert.Equal($"{{\"id\":\"abc\",\"another\":\"def\",\"route\":{route}}}", text);
    }

    [Fact]
    public async Task Last_route_is_reached_behind_the_dynamic_routes()
    {
        Assert.Equal("{\"success\":true}", await Http.GetStringAsync(new Uri("/last_route", UriKind.Relative)));
    }

    [Fact]
    public async Task Plaintext_is_hello_world_with_a_content_length()
    {
        using var response = await Http.GetAsync(new Uri("/plaintext", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.Equal(13, response.Content.Headers.ContentLength);
        Assert.Equal("Hello, World!", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Json_is_a_tiny_object_with_a_content_length()
    {
        using var response = await Http.GetAsync(new Uri("/json", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.Equal(27, response.Content.Headers.ContentLength);
        Assert.Equal("{\"message\":\"Hello, World!\"}", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData(5, "{\"id\":5,\"name\":\"user 5\"}")]
    [InlineData(-12, "{\"id\":-12,\"name\":\"user -12\"}")]
    public async Task Users_binds_the_int_route_parameter_without_a_token(int id, string json)
    {
        using var response = await Http.GetAsync(new Uri($"/users/{id}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.Equal(json, await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/users/abc")]
    [InlineData("/users/99999999999")]
    [InlineData("/users/")]
    public async Task Users_with_a_value_that_is_no_int_is_404(string path)
    {
        using var response = await Http.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("{\"error\":\"Not found.\"}", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Unknown_path_returns_404_json()
    {
        using var response = await Http.GetAsync(new Uri("/no/such/path", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("{\"error\":\"Not found.\"}", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Delete_on_root_returns_405_with_allow()
    {
        using var response = await Http.DeleteAsync(new Uri("/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(["GET", "HEAD"], response.Content.Headers.Allow);
        Assert.Equal("{\"error\":\"Method not allowed.\"}", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Head_on_a_get_route_answers_without_a_body()
    {
        using var response = await Http.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/str/"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(20, response.Content.Headers.ContentLength);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    /// <summary>The suite in memory.</summary>
    public sealed class OnTestServer() : SampleAppTests(TestTransport.TestServer);

    /// <summary>The suite over real Kestrel sockets.</summary>
    public sealed class OnKestrel() : SampleAppTests(TestTransport.Kestrel);
}
