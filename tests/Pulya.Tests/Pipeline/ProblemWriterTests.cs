using System.ComponentModel.DataAnnotations;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Pulya.Http;
using Pulya.Routing;
using Pulya.Testing;
using static Pulya.Tests.TestApp;

namespace Pulya.Tests.Pipeline;

/// <summary>
/// Routed middleware that is also an <see cref="IProblemWriter"/> writes every Problem Details error (the contract the
/// ASP.NET Core bridge implements over <c>IProblemDetailsService</c>); Pulya's own bytes when it declines.
/// </summary>
[Collection(SerialCollection.Name)]
public sealed class ProblemWriterTests : IDisposable
{
    private readonly string _file = System.IO.Path.GetTempFileName();

    public ProblemWriterTests() => File.WriteAllText(_file, "0123456789");

    public void Dispose() => File.Delete(_file);

    public static TheoryData<TestTransport, bool> Cases()
    {
        var data = new TheoryData<TestTransport, bool>();
        foreach (var transport in new[] { TestTransport.TestServer, TestTransport.Kestrel })
        {
            data.Add(transport, false);
            data.Add(transport, true);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Every_error_goes_through_the_writer(TestTransport transport, bool middleware)
    {
        await using var client = await StartAsync(transport, Mode.Write, middleware);

        Assert.Equal("404 Not Found|Not found.|/nowhere||", await ReadAsync(client, HttpMethod.Get, "/nowhere", HttpStatusCode.NotFound));
        Assert.Equal("405 Method Not Allowed|Method not allowed.|/items/1||", await ReadAsync(client, HttpMethod.Delete, "/items/1", HttpStatusCode.MethodNotAllowed));
        Assert.Equal("406 Not Acceptable|Not acceptable: no registered format matches the Accept header.|/items/1||", await ReadAsync(client, HttpMethod.Get, "/items/1", HttpStatusCode.NotAcceptable, accept: "text/html"));
        Assert.Equal("415 Unsupported Media Type|Unsupported media type: send the body as application/json (UTF-8).|/items||", await ReadAsync(client, HttpMethod.Post, "/items", HttpStatusCode.UnsupportedMediaType, new StringContent("x", Encoding.UTF8, "text/plain")));
        Assert.Equal("413 Payload Too Large|Request body too large.|/items||", await ReadAsync(client, HttpMethod.Post, "/items", HttpStatusCode.RequestEntityTooLarge, new StringContent(new string('a', 200), Encoding.UTF8, "application/json")));
        Assert.StartsWith("400 Bad Request|", await ReadAsync(client, HttpMethod.Get, "/count?n=abc", HttpStatusCode.BadRequest), StringComparison.Ordinal);
        Assert.Equal("500 Internal Server Error|Internal server error.|/fails||InvalidOperationException", await ReadAsync(client, HttpMethod.Get, "/fails", HttpStatusCode.InternalServerError));
        Assert.Equal("404 Not Found|Not found.|/missing||", await ReadAsync(client, HttpMethod.Get, "/missing", HttpStatusCode.NotFound));
        Assert.Equal("400 One or more validation errors occurred.||/valid/0|id: The field id must be between 1 and 100.|", await ReadAsync(client, HttpMethod.Get, "/valid/0", HttpStatusCode.BadRequest));

        // HEAD has no body to write: Pulya's own headers.
        using var head = await client.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/nowhere"));
        Assert.Equal(HttpStatusCode.NotFound, head.StatusCode);
        Assert.Equal("application/problem+json", head.Content.Headers.ContentType!.MediaType);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_writer_that_declines_leaves_Pulyas_own_problem(TestTransport transport, bool middleware)
    {
        await using var client = await StartAsync(transport, Mode.Decline, middleware);

        foreach (var (path, status, title) in new[] { ("/nowhere", 404, "Not Found"), ("/valid/0", 400, "One or more validation errors occurred.") })
        {
            using var response = await client.Client.GetAsync(path);
            var body = await response.Content.ReadAsStringAsync();
            Assert.Equal(status, (int)response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
            Assert.Equal(Encoding.UTF8.GetByteCount(body), response.Content.Headers.ContentLength);
            using var problem = JsonDocument.Parse(body);
            Assert.Equal(title, problem.RootElement.GetProperty("title").GetString());
            Assert.Equal(path, problem.RootElement.GetProperty("instance").GetString());
        }
    }

    [Theory]
    [MemberData(nameof(TestTransports.Data), MemberType = typeof(TestTransports))]
    public async Task A_writer_that_declines_after_starting_the_response_gets_the_connection_aborted(TestTransport transport)
    {
        await using var client = await StartAsync(transport, Mode.DeclineAfterStart, middleware: false);

        await Assert.ThrowsAnyAsync<Exception>(() => client.Client.GetStringAsync("/valid/0"));
        Assert.Equal("ok", await client.Client.GetStringAsync("/ok"));
    }

    private Task<PulyaTestClient> StartAsync(TestTransport transport, Mode mode, bool middleware) =>
        TestApp.StartAsync(
            transport,
            app =>
            {
                app.UseRouted(new Writer(mode));
                if (middleware)
                {
                    app.Use((request, next) => next(request));
                }

                app.MapGet("/items/{id}", (string id) => new { id })
                    .MapPost("/items", ([Body] string name) => name)
                    .MapGet("/count", ([Query] int n) => n)
                    .MapGet("/fails", string () => throw new InvalidOperationException("secret detail"))
                    .MapGet("/missing", () => Response.File(_file + ".missing"))
                    .MapGet("/valid/{id}", ([Range(1, 100)] int id) => id)
                    .MapGet("/ok", () => "ok");
            },
            builder => builder.Pulya.AddValidation(),
            "--Pulya:Errors=ProblemDetails",
            "--Pulya:MaxRequestBodySize=100");

    private static async Task<string> ReadAsync(PulyaTestClient client, HttpMethod method, string path, HttpStatusCode status, HttpContent? content = null, string? accept = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        if (accept is not null)
        {
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
        }

        using var response = await client.Client.SendAsync(request);
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType!.MediaType);
        return await response.Content.ReadAsStringAsync();
    }

    private enum Mode
    {
        Write,
        Decline,
        DeclineAfterStart,
    }

    /// <summary>Passes requests on, and writes problems as one line of text, after yielding (so the write is pending).</summary>
    private sealed class Writer(Mode mode) : IRoutedMiddleware, IProblemWriter
    {
        public Func<PulyaRequest, Task> Compose(RouteTable routes, Func<PulyaRequest, Task> next) => next;

        public async ValueTask<bool> TryWriteAsync(PulyaRequest request, PulyaProblem problem)
        {
            await Task.Yield();
            var response = request.HttpContext.Response;
            Assert.Equal(problem.Status, response.StatusCode);
            switch (mode)
            {
                case Mode.Decline:
                    return false;
                case Mode.DeclineAfterStart:
                    await response.WriteAsync("partial");
                    await response.Body.FlushAsync();
                    return false;
            }

            var errors = problem.Errors is null ? string.Empty : string.Join(";", problem.Errors.Select(e => e.Key + ": " + string.Join(",", e.Value)));
            response.ContentType = "text/plain";
            await response.WriteAsync($"{problem.Status} {problem.Title}|{problem.Detail}|{problem.Instance}|{errors}|{problem.Exception?.GetType().Name}");
            Assert.StartsWith("https://tools.ietf.org/html/rfc9110#section-", problem.Type, StringComparison.Ordinal);
            return true;
        }
    }
}
