using System.ComponentModel.DataAnnotations;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Pulya.Hosting;
using Pulya.Http;
using Pulya.Testing;

namespace Pulya.AspNetCore.Tests;

/// <summary>
/// With <c>Pulya:Errors=ProblemDetails</c>, the bridge and ASP.NET Core's <c>AddProblemDetails()</c>, Pulya's errors go
/// through <see cref="IProblemDetailsService"/>: its <c>CustomizeProblemDetails</c> and writers apply, as to Minimal APIs'.
/// </summary>
public sealed class ProblemDetailsTests
{
    [Theory]
    [MemberData(nameof(TestTransports.Data), MemberType = typeof(TestTransports))]
    public async Task CustomizeProblemDetails_applies_to_404_405_validation_400_and_500(TestTransport transport)
    {
        Exception? seen = null;
        await using var client = await StartAsync(transport, services => services.AddProblemDetails(o => o.CustomizeProblemDetails = c =>
        {
            c.ProblemDetails.Extensions["node"] = "n1";
            seen ??= c.Exception;
        }));

        using var notFound = await client.Client.GetAsync("/nowhere");
        using var notAllowed = await client.Client.DeleteAsync("/items/1");
        using var invalid = await client.Client.GetAsync("/items/0");
        using var failed = await client.Client.GetAsync("/boom");
        using var ok = await client.Client.GetAsync("/items/5");

        var root = await ReadAsync(notFound, HttpStatusCode.NotFound);
        Assert.Equal("https://tools.ietf.org/html/rfc9110#section-15.5.5", root.GetProperty("type").GetString());
        Assert.Equal("Not Found", root.GetProperty("title").GetString());
        Assert.Equal(404, root.GetProperty("status").GetInt32());
        Assert.Equal("Not found.", root.GetProperty("detail").GetString());
        Assert.Equal("/nowhere", root.GetProperty("instance").GetString());
        Assert.Equal("n1", root.GetProperty("node").GetString());
        Assert.True(root.TryGetProperty("traceId", out _));

        root = await ReadAsync(notAllowed, HttpStatusCode.MethodNotAllowed);
        Assert.Equal(["GET", "HEAD"], notAllowed.Content.Headers.Allow);
        Assert.Equal("Method not allowed.", root.GetProperty("detail").GetString());
        Assert.Equal("n1", root.GetProperty("node").GetString());

        root = await ReadAsync(invalid, HttpStatusCode.BadRequest);
        Assert.Equal("One or more validation errors occurred.", root.GetProperty("title").GetString());
        Assert.Equal("The field id must be between 1 and 100.", root.GetProperty("errors").GetProperty("id")[0].GetString());
        Assert.Equal("/items/0", root.GetProperty("instance").GetString());
        Assert.Equal("n1", root.GetProperty("node").GetString());

        root = await ReadAsync(failed, HttpStatusCode.InternalServerError);
        Assert.Equal("Internal server error.", root.GetProperty("detail").GetString());
        Assert.Equal("n1", root.GetProperty("node").GetString());
        Assert.Equal("a secret", Assert.IsType<InvalidOperationException>(seen).Message);
        Assert.DoesNotContain("secret", await failed.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Assert.Equal("5", await ok.Content.ReadAsStringAsync());
    }

    [Theory]
    [MemberData(nameof(TestTransports.Data), MemberType = typeof(TestTransports))]
    public async Task Errors_seen_by_middleware_and_a_missing_file_go_through_the_service_too(TestTransport transport)
    {
        await using var client = await StartAsync(transport, services => services.AddProblemDetails(o => o.CustomizeProblemDetails = c => c.ProblemDetails.Extensions["node"] = "n1"), app =>
        {
            app.Use((request, next) => next(request));
            app.MapGet("/file", () => Response.File("/no/such/file.txt"));
        });

        using var notFound = await client.Client.GetAsync("/nowhere");
        using var invalid = await client.Client.GetAsync("/items/0");
        using var file = await client.Client.GetAsync("/file");
        using var head = await client.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/nowhere"));

        Assert.Equal("n1", (await ReadAsync(notFound, HttpStatusCode.NotFound)).GetProperty("node").GetString());
        Assert.Equal("n1", (await ReadAsync(invalid, HttpStatusCode.BadRequest)).GetProperty("node").GetString());
        Assert.Equal("n1", (await ReadAsync(file, HttpStatusCode.NotFound)).GetProperty("node").GetString());
        Assert.Equal(HttpStatusCode.NotFound, head.StatusCode);
        Assert.Equal("application/problem+json", head.Content.Headers.ContentType!.MediaType);
    }

    [Theory]
    [MemberData(nameof(TestTransports.Data), MemberType = typeof(TestTransports))]
    public async Task A_custom_IProblemDetailsWriter_writes_the_errors(TestTransport transport)
    {
        await using var client = await StartAsync(transport, services =>
        {
            services.AddSingleton<IProblemDetailsWriter, PlainWriter>();
            services.AddProblemDetails();
        });

        using var notFound = await client.Client.GetAsync("/nowhere");
        using var invalid = await client.Client.GetAsync("/items/0");

        Assert.Equal(HttpStatusCode.NotFound, notFound.StatusCode);
        Assert.Equal("text/plain", notFound.Content.Headers.ContentType!.MediaType);
        Assert.Equal("404 Not Found: Not found. at /nowhere", await notFound.Content.ReadAsStringAsync());
        Assert.Equal("400 One or more validation errors occurred.: id at /items/0", await invalid.Content.ReadAsStringAsync());
    }

    [Theory]
    [MemberData(nameof(TestTransports.Data), MemberType = typeof(TestTransports))]
    public async Task When_the_service_declines_Pulya_writes_its_own_problem(TestTransport transport)
    {
        await using var client = await StartAsync(transport, services => services.AddProblemDetails(o => o.CustomizeProblemDetails = c => c.ProblemDetails.Extensions["node"] = "n1"));
        await using var plain = await StartAsync(transport, services => { });

        foreach (var path in new[] { "/nowhere", "/items/0" })
        {
            var declined = await GetAsync(client, path);
            var expected = await GetAsync(plain, path);

            Assert.Equal(expected.Status, declined.Status);
            Assert.Equal("application/problem+json", declined.ContentType);
            Assert.Equal(declined.Body.Length, declined.Length);
            Assert.DoesNotContain("node", declined.Body, StringComparison.Ordinal);
            Assert.Equal(WithoutTraceId(expected.Body), WithoutTraceId(declined.Body));
        }

        static async Task<(HttpStatusCode Status, string? ContentType, long? Length, string Body)> GetAsync(PulyaTestClient client, string path)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
            using var response = await client.Client.SendAsync(request);
            return (response.StatusCode, response.Content.Headers.ContentType?.MediaType, response.Content.Headers.ContentLength, await response.Content.ReadAsStringAsync());
        }
    }

    [Theory]
    [MemberData(nameof(TestTransports.Data), MemberType = typeof(TestTransports))]
    public async Task Without_AddProblemDetails_the_bytes_are_Pulyas_own(TestTransport transport)
    {
        await using var bridged = await StartAsync(transport, services => { });
        await using var bare = await PulyaTestClient.StartAsync(transport, Map, builder =>
        {
            builder.Logging.ClearProviders();
            builder.Pulya.AddValidation();
        }, "--Pulya:Errors=ProblemDetails");

        foreach (var (method, path) in new[] { (HttpMethod.Get, "/nowhere"), (HttpMethod.Delete, "/items/1"), (HttpMethod.Get, "/items/0"), (HttpMethod.Get, "/boom") })
        {
            using var one = await bridged.Client.SendAsync(new HttpRequestMessage(method, path));
            using var other = await bare.Client.SendAsync(new HttpRequestMessage(method, path));
            Assert.Equal(other.StatusCode, one.StatusCode);
            Assert.Equal(other.Content.Headers.ContentType, one.Content.Headers.ContentType);
            // Each request has its own trace identifier (Kestrel's connection:request); every other byte is the same.
            Assert.Equal(WithoutTraceId(await other.Content.ReadAsStringAsync()), WithoutTraceId(await one.Content.ReadAsStringAsync()));
        }
    }

    private static Task<PulyaTestClient> StartAsync(TestTransport transport, Action<IServiceCollection> services, Action<PulyaApplication>? map = null) =>
        PulyaTestClient.StartAsync(transport, app =>
        {
            map?.Invoke(app);
            app.UseAspNetCore(_ => { });
            Map(app);
        }, builder =>
        {
            builder.Logging.ClearProviders();
            builder.Pulya.AddValidation();
            services(builder.Services);
        }, "--Pulya:Errors=ProblemDetails");

    private static void Map(PulyaApplication app)
    {
        app.MapGet("/items/{id}", ([Range(1, 100)] int id) => id);
        app.MapGet("/boom", string () => throw new InvalidOperationException("a secret"));
    }

    private static string WithoutTraceId(string body) => System.Text.RegularExpressions.Regex.Replace(body, ",\"traceId\":\"[^\"]*\"", string.Empty);

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    /// <summary>A writer of its own, ahead of ASP.NET Core's default one.</summary>
    private sealed class PlainWriter : IProblemDetailsWriter
    {
        public bool CanWrite(ProblemDetailsContext context) => true;

        public ValueTask WriteAsync(ProblemDetailsContext context)
        {
            var problem = context.ProblemDetails;
            var detail = problem is HttpValidationProblemDetails validation ? string.Join(",", validation.Errors.Keys) : problem.Detail;
            context.HttpContext.Response.ContentType = "text/plain";
            return new ValueTask(context.HttpContext.Response.WriteAsync($"{problem.Status} {problem.Title}: {detail} at {problem.Instance}"));
        }
    }
}
