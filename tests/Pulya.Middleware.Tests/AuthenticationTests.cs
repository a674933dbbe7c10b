using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Pulya.Http;
using Pulya.Testing;
using Pulya.Tests.Shared.Models;
using static Pulya.Middleware.Tests.MiddlewareApp;

namespace Pulya.Middleware.Tests;

public sealed class AuthenticationTests
{
    [Theory]
    [MemberData(nameof(TestTransports.Data), MemberType = typeof(TestTransports))]
    public async Task A_group_requiring_a_bearer_token_from_configuration_answers_401_without_it(TestTransport transport)
    {
        await using var client = await StartAsync(
            transport,
            app =>
            {
                app.MapGroup("/admin").RequireBearerToken(app.Configuration["Api:Token"], app.Configuration["Api:OldToken"]).MapGet("/stats", () => "stats");
                app.MapGet("/public", () => "public");
            },
            args: ["--Api:Token=s3cret", "--Api:OldToken=older"]);

        using var missing = await client.Client.SendAsync(Get("/admin/stats", null));
        using var wrong = await client.Client.SendAsync(Get("/admin/stats", "Bearer nope"));
        using var basic = await client.Client.SendAsync(Get("/admin/stats", "Basic czNjcmV0"));
        using var empty = await client.Client.SendAsync(Get("/admin/stats", "Bearer    "));
        using var right = await client.Client.SendAsync(Get("/admin/stats", "Bearer s3cret"));
        using var older = await client.Client.SendAsync(Get("/admin/stats", "bearer older"));

        Assert.All([missing, wrong, basic, empty], r =>
        {
            Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode);
            Assert.Equal("Bearer", r.Headers.WwwAuthenticate.Single().ToString());
            Assert.Equal("application/json; charset=utf-8", r.Content.Headers.ContentType!.ToString());
        });
        Assert.Equal("{\"error\":\"Unauthorized.\"}", await missing.Content.ReadAsStringAsync());
        Assert.Equal("stats", await right.Content.ReadAsStringAsync());
        Assert.Equal("stats", await older.Content.ReadAsStringAsync());
        Assert.Equal("public", await client.Client.GetStringAsync(Path("/public")));
    }

    [Theory]
    [MemberData(nameof(TestTransports.Data), MemberType = typeof(TestTransports))]
    public async Task A_known_token_without_the_right_is_403(TestTransport transport)
    {
        await using var client = await StartAsync(transport, app =>
        {
            var api = app.MapGroup("/api").RequireBearerToken("reader", "admin");
            api.MapGet("/items", () => "items");
            api.MapDelete("/items/{id:int}", (int id) => $"deleted {id}")
                .RequireBearerToken(token => token == "admin" ? AccessDecision.Allow : AccessDecision.Forbidden);
        });

        using var read = await client.Client.SendAsync(Get("/api/items", "Bearer reader"));
        using var forbidden = await client.Client.SendAsync(Request(HttpMethod.Delete, "/api/items/1", "Bearer reader"));
        using var deleted = await client.Client.SendAsync(Request(HttpMethod.Delete, "/api/items/1", "Bearer admin"));
        using var anonymous = await client.Client.SendAsync(Request(HttpMethod.Delete, "/api/items/1", null));

        Assert.Equal("items", await read.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal("{\"error\":\"Forbidden.\"}", await forbidden.Content.ReadAsStringAsync());
        Assert.Empty(forbidden.Headers.WwwAuthenticate);
        Assert.Equal("deleted 1", await deleted.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestTransports.Data), MemberType = typeof(TestTransports))]
    public async Task A_custom_hook_decides_from_the_route_values_before_the_body_is_read(TestTransport transport)
    {
        await using var client = await StartAsync(transport, app => app
            .MapPost("/tenants/{tenant}/notes", (string tenant, [Body] Note note) => $"{tenant}: {note.Text}")
            .RequireAuthentication(
                async request =>
                {
                    await Task.Yield();
                    var key = request.Headers.Get("X-Tenant-Key");
                    return key is null ? AccessDecision.Unauthenticated
                        : key == request.GetRouteValue("tenant") ? AccessDecision.Allow : AccessDecision.Forbidden;
                },
                "ApiKey"));

        using var ok = await client.Client.SendAsync(Post("/tenants/acme/notes", "{\"text\":\"hi\"}", "acme"));
        using var other = await client.Client.SendAsync(Post("/tenants/acme/notes", "{\"text\":\"hi\"}", "globex"));
        using var none = await client.Client.SendAsync(Post("/tenants/acme/notes", "{\"text\":\"hi\"}", null));
        using var malformed = await client.Client.SendAsync(Post("/tenants/acme/notes", "{\"text\":", "acme"));

        Assert.Equal("acme: hi", await ok.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal("ApiKey", none.Headers.WwwAuthenticate.Single().ToString());
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestTransports.Data), MemberType = typeof(TestTransports))]
    public async Task An_anonymous_request_is_refused_before_its_body_is_read_or_bound(TestTransport transport)
    {
        var formsRead = 0;
        await using var client = await StartAsync(transport, app =>
        {
            var api = app.MapGroup("/api").RequireBearerToken("s3cret");
            api.MapPost("/notes", ([Body] Note note) => note.Text);
            api.MapPost("/upload", (PulyaForm form) =>
            {
                Interlocked.Increment(ref formsRead);
                return form.Files.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
            });
        });

        using var malformed = await client.Client.SendAsync(Post("/api/notes", "{\"text\":", null));
        using var xml = new HttpRequestMessage(HttpMethod.Post, Path("/api/notes")) { Content = new StringContent("<note/>", Encoding.UTF8, "application/xml") };
        using var unsupported = await client.Client.SendAsync(xml);
        using var multipart = new MultipartFormDataContent { { new ByteArrayContent(new byte[256 * 1024]), "file", "a.bin" } };
        using var upload = await client.Client.PostAsync(Path("/api/upload"), multipart);
        using var authorized = new HttpRequestMessage(HttpMethod.Post, Path("/api/notes")) { Content = new StringContent("{\"text\":", Encoding.UTF8, "application/json") };
        authorized.Headers.TryAddWithoutValidation("Authorization", "Bearer s3cret");
        using var badBody = await client.Client.SendAsync(authorized);

        Assert.Equal(HttpStatusCode.Unauthorized, malformed.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unsupported.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, upload.StatusCode);
        Assert.Equal(0, formsRead);
        Assert.Equal(HttpStatusCode.BadRequest, badBody.StatusCode);
    }

    [Fact]
    public void Tokens_must_be_given_and_not_empty_and_arguments_are_checked()
    {
        Assert.Throws<ArgumentException>(() => new MiddlewareSink().RequireBearerToken());
        Assert.Throws<ArgumentException>(() => new MiddlewareSink().RequireBearerToken((string?)null));
        Assert.Throws<ArgumentException>(() => new MiddlewareSink().RequireBearerToken("ok", " "));
        Assert.Throws<ArgumentNullException>(() => new MiddlewareSink().RequireBearerToken((IEnumerable<string?>)null!));
        Assert.Throws<ArgumentNullException>(() => new MiddlewareSink().RequireBearerToken((Func<string, AccessDecision>)null!));
        Assert.Throws<ArgumentNullException>(() => ((MiddlewareSink)null!).RequireAuthentication(_ => default));
        Assert.Throws<ArgumentNullException>(() => new AuthenticationMiddleware(null!, "Bearer"));
        Assert.Throws<ArgumentException>(() => new AuthenticationMiddleware(_ => default, " "));
        Assert.Throws<ArgumentNullException>(() => BearerToken.Read(null!));
        Assert.Throws<ArgumentNullException>(() => BearerToken.Matches(null!, []));
        Assert.Throws<ArgumentNullException>(() => BearerToken.Matches("x", null!));
    }

    private static HttpRequestMessage Get(string path, string? authorization) => Request(HttpMethod.Get, path, authorization);

    private static HttpRequestMessage Request(HttpMethod method, string path, string? authorization)
    {
        var request = new HttpRequestMessage(method, Path(path));
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        return request;
    }

    private static HttpRequestMessage Post(string path, string json, string? tenantKey)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, Path(path)) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (tenantKey is not null)
        {
            request.Headers.Add("X-Tenant-Key", tenantKey);
        }

        return request;
    }

    private sealed class MiddlewareSink : IMiddlewareBuilder
    {
        public IServiceProvider Services => throw new NotSupportedException();

        public IMiddlewareBuilder Use(IPulyaMiddleware middleware) => this;
    }
}
