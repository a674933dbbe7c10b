using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pulya.DependencyInjection;
using Pulya.Hosting;
using Pulya.Testing;
using static Pulya.Middleware.Tests.MiddlewareApp;

namespace Pulya.Middleware.Tests;

public sealed class CorsTests
{
    private const string App = "https://app.example.com";

    [Theory]
    [MemberData(nameof(TestTransports.Data), MemberType = typeof(TestTransports))]
    public async Task A_preflight_is_answered_per_policy_for_a_path_whose_route_has_no_options(TestTransport transport)
    {
        await using var client = await StartCorsAsync(transport, p =>
            {
                p.AllowedOrigins.Add(App);
                p.AllowedMethods.Add("get");
                p.AllowedMethods.Add("PUT");
                p.AllowedHeaders.Add("Content-Type");
                p.AllowedHeaders.Add("X-Key");
                p.MaxAgeSeconds = 600;
            },
            app => app.UseCors().MapGet("/items", () => "items"));

        using var response = await client.Client.SendAsync(Preflight("/items", App, "PUT", "content-type, x-key"));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(App, Header(response, "Access-Control-Allow-Origin"));
        Assert.Equal("GET, PUT", Header(response, "Access-Control-Allow-Methods"));
        Assert.Equal("content-type, x-key", Header(response, "Access-Control-Allow-Headers"));
        Assert.Equal("600", Header(response, "Access-Control-Max-Age"));
        Assert.Equal("Origin", Header(response, "Vary"));
        Assert.Null(Header(response, "Access-Control-Allow-Credentials"));
    }

    [Theory]
    [MemberData(nameof(TestTransports.Data), MemberType = typeof(TestTransports))]
    public async Task A_preflight_outside_the_policy_gets_no_permission(TestTransport transport)
    {
        await using var client = await StartCorsAsync(transport, p =>
            {
                p.AllowedOrigins.Add(App);
                p.AllowedHeaders.Add("X-Key");
            },
            app => app.UseCors().MapGet("/items", () => "items"));

        using var otherOrigin = await client.Client.SendAsync(Preflight("/items", "https://evil.example", "GET", null));
        using var otherMethod = await client.Client.SendAsync(Preflight("/items", App, "DELETE", null));
        using var otherHeader = await client.Client.SendAsync(Preflight("/items", App, "POST", "X-Key, X-Other"));
        using var allowed = await client.Client.SendAsync(Preflight("/items", App, "POST", null));

        Assert.All([otherOrigin, otherMethod, otherHeader], r =>
        {
            Assert.Equal(HttpStatusCode.NoContent, r.StatusCode);
            Assert.Null(Header(r, "Access-Control-Allow-Origin"));
            Assert.Null(Header(r, "Access-Control-Allow-Methods"));
            Assert.Equal("Origin", Header(r, "Vary"));
        });
        Assert.Equal("GET, HEAD, POST", Header(allowed, "Access-Control-Allow-Methods"));
        Assert.Null(Header(allowed, "Access-Control-Allow-Headers"));
        Assert.Null(Header(allowed, "Access-Control-Max-Age"));
    }

    [Theory]
    [MemberData(nameof(TestTransports.Data), MemberType = typeof(TestTransports))]
    public async Task Responses_to_an_allowed_origin_carry_the_cors_headers_errors_included(TestTransport transport)
    {
        await using var client = await StartCorsAsync(transport, p =>
            {
                p.AllowedOrigins.Add(App);
                p.ExposedHeaders.Add("X-Total");
                p.AllowCredentials = true;
            },
            app => app.UseCors().MapGet("/items", () => "items"));

        using var allowed = await client.Client.SendAsync(Request(HttpMethod.Get, "/items", App));
        using var missing = await client.Client.SendAsync(Request(HttpMethod.Get, "/missing", App));
        using var other = await client.Client.SendAsync(Request(HttpMethod.Get, "/items", "https://evil.example"));
        using var noOrigin = await client.Client.SendAsync(Request(HttpMethod.Get, "/items", null));
        using var plainOptions = await client.Client.SendAsync(Request(HttpMethod.Options, "/items", App));

        Assert.Equal("items", await allowed.Content.ReadAsStringAsync());
        Assert.Equal(App, Header(allowed, "Access-Control-Allow-Origin"));
        Assert.Equal("true", Header(allowed, "Access-Control-Allow-Credentials"));
        Assert.Equal("X-Total", Header(allowed, "Access-Control-Expose-Headers"));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(App, Header(missing, "Access-Control-Allow-Origin"));
        Assert.Equal("items", await other.Content.ReadAsStringAsync());
        Assert.Null(Header(other, "Access-Control-Allow-Origin"));
        Assert.Null(Header(noOrigin, "Access-Control-Allow-Origin"));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, plainOptions.StatusCode);
        Assert.Equal(App, Header(plainOptions, "Access-Control-Allow-Origin"));
        Assert.All([allowed, missing, other, noOrigin, plainOptions], r => Assert.Equal("Origin", Header(r, "Vary")));
    }

    [Theory]
    [MemberData(nameof(TestTransports.Data), MemberType = typeof(TestTransports))]
    public async Task A_wildcard_policy_from_configuration_answers_any_origin_without_vary(TestTransport transport)
    {
        await using var client = await StartCorsAsync(
            transport,
            null,
            app => app.UseCors().MapGet("/items", () => "items"),
            ["--Pulya:Cors:AllowedOrigins:0=*", "--Pulya:Cors:AllowedHeaders:0=*", "--Pulya:Cors:MaxAgeSeconds=60", "--Pulya:Cors:AllowCredentials=false"]);

        using var preflight = await client.Client.SendAsync(Preflight("/items", "https://any.example", "POST", "X-Anything"));
        using var get = await client.Client.SendAsync(Request(HttpMethod.Get, "/items", "https://any.example"));
        using var noOrigin = await client.Client.SendAsync(Request(HttpMethod.Get, "/items", null));

        Assert.Equal("*", Header(preflight, "Access-Control-Allow-Origin"));
        Assert.Equal("X-Anything", Header(preflight, "Access-Control-Allow-Headers"));
        Assert.Equal("60", Header(preflight, "Access-Control-Max-Age"));
        Assert.Equal("*", Header(get, "Access-Control-Allow-Origin"));
        Assert.All([preflight, get, noOrigin], r => Assert.Null(Header(r, "Vary")));
        Assert.Equal("items", await noOrigin.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData(new string[0], "Pulya:Cors:AllowedOrigins: at least one origin")]
    [InlineData(new[] { "--Pulya:Cors:AllowedOrigins:0=*", "--Pulya:Cors:AllowCredentials=true" }, "Pulya:Cors:AllowedOrigins:0: '*' cannot be combined")]
    [InlineData(new[] { "--Pulya:Cors:AllowedOrigins:0=https://a.example", "--Pulya:Cors:AllowedOrigins:1=https://b.example/path" }, "Pulya:Cors:AllowedOrigins:1: 'https://b.example/path' is not an origin")]
    [InlineData(new[] { "--Pulya:Cors:AllowedOrigins:0=ftp://a.example" }, "Pulya:Cors:AllowedOrigins:0: 'ftp://a.example' is not an origin")]
    [InlineData(new[] { "--Pulya:Cors:AllowedOrigins:0=a.example" }, "Pulya:Cors:AllowedOrigins:0: 'a.example' is not an origin")]
    [InlineData(new[] { "--Pulya:Cors:AllowedOrigins:0=*", "--Pulya:Cors:AllowedMethods:0=GET", "--Pulya:Cors:AllowedMethods:1=GE T" }, "Pulya:Cors:AllowedMethods:1: 'GE T' is not an HTTP method")]
    [InlineData(new[] { "--Pulya:Cors:AllowedOrigins:0=*", "--Pulya:Cors:MaxAgeSeconds=-1" }, "Pulya:Cors:MaxAgeSeconds: '-1' is invalid. seconds ('-1') must be a non-negative value.")]
    [InlineData(new[] { "--Pulya:Cors:AllowedOrigins:0=*", "--Pulya:Cors:AllowCredentials=maybe" }, "Failed to convert configuration value 'maybe' at 'Pulya:Cors:AllowCredentials'")]
    public async Task An_invalid_policy_fails_the_start_naming_the_key(string[] args, string expected)
    {
        var builder = PulyaApplication.CreateBuilder(["--urls", "http://127.0.0.1:0", .. args]);
        builder.Logging.ClearProviders();
        builder.Pulya.AddCors();
        await using var app = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_invalid_policy_fails_when_the_middleware_is_added_and_a_missing_registration_is_named()
    {
        var invalid = PulyaApplication.CreateBuilder(["--Pulya:Cors:AllowedOrigins:0=https://a.example/path"]);
        invalid.Pulya.AddCors(p => p.AllowedOrigins.Add("https://b.example"));
        using var app = invalid.Build();
        using var unregistered = PulyaApplication.CreateBuilder([]).Build();

        var error = Assert.Throws<OptionsValidationException>(() => app.UseCors());
        var missing = Assert.Throws<InvalidOperationException>(() => unregistered.UseCors());

        Assert.Equal("Pulya:Cors:AllowedOrigins:0: 'https://a.example/path' is not an origin like https://example.com or '*'.", error.Message);
        Assert.Equal("UseCors() needs the CORS policy: call builder.Pulya.AddCors() (it binds Pulya:Cors) before Build().", missing.Message);
    }

    [Fact]
    public void Arguments_are_checked()
    {
        Assert.Throws<ArgumentNullException>(() => new CorsMiddleware(null!));
        Assert.Throws<ArgumentNullException>(() => ((PulyaApplication)null!).UseCors());
        Assert.Throws<ArgumentNullException>(() => ((PulyaBuilder)null!).AddCors());
        Assert.Throws<InvalidOperationException>(() => new CorsMiddleware(new CorsPolicy()));
        Assert.Throws<ArgumentOutOfRangeException>(() => new CorsPolicy { MaxAgeSeconds = -1 });
        Assert.Null(new CorsPolicy { MaxAgeSeconds = null }.MaxAgeSeconds);
    }

    private static Task<PulyaTestClient> StartCorsAsync(TestTransport transport, Action<CorsPolicy>? configure, Action<PulyaApplication> map, params string[] args) =>
        PulyaTestClient.StartAsync(transport, map, builder =>
        {
            builder.Logging.ClearProviders();
            builder.Pulya.AddCors(configure);
        }, args);

    private static HttpRequestMessage Request(HttpMethod method, string path, string? origin)
    {
        var request = new HttpRequestMessage(method, Path(path));
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        return request;
    }

    private static HttpRequestMessage Preflight(string path, string origin, string method, string? headers)
    {
        var request = Request(HttpMethod.Options, path, origin);
        request.Headers.Add("Access-Control-Request-Method", method);
        if (headers is not null)
        {
            request.Headers.Add("Access-Control-Request-Headers", headers);
        }

        return request;
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values) : null;
}
