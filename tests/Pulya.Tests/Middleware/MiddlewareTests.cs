using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Pulya.Http;
using Pulya.Testing;
using Pulya.Tests.Shared.Models;
using static Pulya.Tests.TestApp;

namespace Pulya.Tests.Middleware;

public sealed class MiddlewareTests
{
    [Theory]
    [MemberData(nameof(TestTransports.Data), MemberType = typeof(TestTransports))]
    public async Task Middleware_runs_around_the_handler_first_added_outermost(TestTransport transport)
    {
        var order = new List<string>();
        await using var client = await StartAsync(transport, app =>
        {
            app.Use(async (request, next) =>
            {
                order.Add("a in");
                var result = await next(request);
                order.Add("a out");
                return result;
            });
            app.Use(async (request, next) =>
            {
                order.Add("b in");
                var result = await next(request);
                order.Add("b out");
                return result;
            });
            app.MapGet("/", () =>
            {
                order.Add("handler");
                return "ok";
            });
        });

        Assert.Equal("ok", await client.Client.GetStringAsync(Path("/")));
        Assert.Equal(["a in", "b in", "handler", "b out", "a out"], order);
    }

    [Theory]
    [MemberData(nameof(TestTransports.Data), MemberType = typeof(TestTransports))]
    public async Task Middleware_can_answer_without_calling_the_rest_of_the_pipeline(TestTransport transport)
    {
        var handled = false;
        await using var client = await StartAsync(transport, app => app
            .Use((request, next) => request.Headers.Get("X-Key") == "secret" ? next(request) : new ValueTask<object?>(Response.Text("no key", 401)))
            .MapGet("/", () =>
            {
                handled = true;
                return "ok";
            }));

        using var rejected = await client.Client.GetAsync(Path("/"));
        using var request = new HttpRequestMessage(HttpMethod.Get, Path("/")) { Headers = { { "X-Key", "secret" } } };
        using var accepted = await client.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, rejected.StatusCode);
        Assert.Equal("no key", await rejected.Content.ReadAsStringAsync());
        Assert.Equal("ok", await accepted.Content.ReadAsStringAsync());
        Assert.True(handled);
    }

    [Theory]
    [MemberData(nameof(TestTransports.Data), MemberType = typeof(TestTransports))]
    public async Task Middleware_sees_and_changes_the_result_before_it_is_written(TestTransport transport)
    {
        await using var client = await StartAsync(transport, app => app
            .Use(async (request, next) => Response.From(await next(request)).WithHeader("X-Seen", "yes"))
            .MapGet("/json", () => new { id = 7 })
            .MapGet("/none", () => { })
            .MapGet("/created", () => Response.Text("made", 201).WithHeader("X-Handler", "1"))
            .MapGet("/replaced", () => "original"));
        client.Client.DefaultRequestHeaders.Add("X-Unused", "1");

        using var json = await client.Client.GetAsync(Path("/json"));
        using var none = await client.Client.GetAsync(Path("/none"));
        using var created = await client.Client.GetAsync(Path("/created"));

        Assert.Equal("{\"id\":7}", await json.Content.ReadAsStringAsync());
        Assert.Equal("application/json", json.Content.Headers.ContentType!.MediaType);
        Assert.Equal("yes", json.Headers.GetValues("X-Seen").Single());
        Assert.Equal(HttpStatusCode.NoContent, none.StatusCode);
        Assert.Equal("yes", none.Headers.GetValues("X-Seen").Single());
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("1", created.Headers.GetValues("X-Handler").Single());
        Assert.Equal("yes", created.Headers.GetValues("X-Seen").Single());
    }

    [Theory]
    [MemberData(nameof(TestTransports.Data), MemberType = typeof(TestTransports))]
    public async Task Middleware_can_replace_the_handlers_result(TestTransport transport)
    {
        await using var client = await StartAsync(transport, app => app
            .Use(async (request, next) => await next(request) is string text ? text.ToUpperInvariant() : null)
            .MapGet("/", () => "quiet"));

        Assert.Equal("QUIET", await client.Client.GetStringAsync(Path("/")));
    }

    [Theory]
    [MemberData(nameof(TestTransports.Data), MemberType = typeof(TestTransports))]
    public async Task Not_found_and_method_not_allowed_reach_middleware_as_error_responses(TestTransport transport)
    {
        var seen = new List<(int Status, string? Allow)>();
        await using var client = await StartAsync(transport, app => app
            .Use(async (request, next) =>
            {
                var response = (Response)(await next(request))!;
                seen.Add((response.StatusCode, response.Headers.FirstOrDefault(h => h.Key == "Allow").Value));
                return response.WithHeader("X-Seen", "yes");
            })
            .MapGet("/only-get", () => "x"));

        using var notFound = await client.Client.GetAsync(Path("/missing"));
        using var notAllowed = await client.Client.DeleteAsync(Path("/only-get"));

        Assert.Equal(HttpStatusCode.NotFound, notFound.StatusCode);
        Assert.Equal("{\"error\":\"Not found.\"}", await notFound.Content.ReadAsStringAsync());
        Assert.Equal("application/json; charset=utf-8", notFound.Content.Headers.ContentType!.ToString());
        Assert.Equal("yes", notFound.Headers.GetValues("X-Seen").Single());
        Assert.Equal(HttpStatusCode.MethodNotAllowed, notAllowed.StatusCode);
        Assert.Equal("GET, HEAD", string.Join(", ", notAllowed.Content.Headers.Allow));
        Assert.Equal([(404, null), (405, "GET, HEAD")], seen);
    }

    [Theory]
    [MemberData(nameof(TestTransports.Data), MemberType = typeof(TestTransports))]
    public async Task Middleware_can_answer_a_method_the_route_does_not_map(TestTransport transport)
    {
        await using var client = await StartAsync(transport, app => app
            .Use(async (request, next) => request.Method == "OPTIONS" && await next(request) is Response { StatusCode: 405 } refused
                ? Response.Status(204).WithHeader("Allow", refused.Headers.Single(h => h.Key == "Allow").Value + ", OPTIONS")
                : await next(request))
            .MapGet("/thing", () => "x"));

        using var request = new HttpRequestMessage(HttpMethod.Options, Path("/thing"));
        using var response = await client.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("GET, HEAD, OPTIONS", string.Join(", ", response.Content.Headers.Allow));
    }

    [Theory]
    [MemberData(nameof(TestTransports.Data), MemberType = typeof(TestTransports))]
    public async Task Errors_of_the_endpoint_reach_middleware_as_error_responses_without_the_handlers_headers(TestTransport transport)
    {
        var statuses = new List<int>();
        await using var client = await StartAsync(transport, app => app
            .Use(async (request, next) =>
            {
                var response = Response.From(await next(request));
                statuses.Add(response.StatusCode);
                return response.WithHeader("X-Seen", "yes");
            })
            .MapGet("/boom", Response () => throw new InvalidOperationException("secret"))
            .MapGet("/int/{id:int}", (int id) => id)
            .MapGet("/query", (int page) => page)
            .MapPost("/body", ([Body] int[] numbers) => numbers.Length),
            args: ["--Pulya:MaxRequestBodySize=16"]);

        using var boom = await client.Client.GetAsync(Path("/boom"));
        using var badQuery = await client.Client.GetAsync(Path("/query?page=x"));
        using var tooLarge = await client.Client.PostAsync(Path("/body"), new StringContent("[1,2,3,4,5,6,7,8,9,10]", Encoding.UTF8, "application/json"));
        using var unsupported = await client.Client.PostAsync(Path("/body"), new StringContent("[1]", Encoding.UTF8, "text/csv"));
        using var malformed = await client.Client.PostAsync(Path("/body"), new StringContent("[1,", Encoding.UTF8, "application/json"));
        using var ok = await client.Client.PostAsync(Path("/body"), new StringContent("[1,2]", Encoding.UTF8, "application/json"));

        Assert.Equal("{\"error\":\"Internal server error.\"}", await boom.Content.ReadAsStringAsync());
        Assert.Equal("yes", boom.Headers.GetValues("X-Seen").Single());
        Assert.Contains("page", await badQuery.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("{\"error\":\"Request body too large.\"}", await tooLarge.Content.ReadAsStringAsync());
        Assert.Equal("{\"error\":\"Unsupported media type: send the body as application/json (UTF-8).\"}", await unsupported.Content.ReadAsStringAsync());
        Assert.Equal("2", await ok.Content.ReadAsStringAsync());
        Assert.Equal([500, 400, 413, 415, 400, 200], statuses);
        Assert.All([badQuery, tooLarge, unsupported, malformed], r => Assert.Equal("yes", r.Headers.GetValues("X-Seen").Single()));
    }

    [Theory]
    [MemberData(nameof(TestTransports.Data), MemberType = typeof(TestTransports))]
    public async Task Exceptions_thrown_by_middleware_are_answered_by_the_error_table(TestTransport transport)
    {
        var logs = new CapturedLogs();
        await using var client = await StartWithLogsAsync(transport, app => app
            .Use(async (request, next) =>
            {
                var result = await next(request);
                return request.Path == "/after" ? throw new InvalidOperationException("middleware bug") : result;
            })
            .Use((request, next) => request.Path == "/before" ? throw new InvalidOperationException("early bug") : next(request))
            .MapGet("/before", () => "x")
            .MapGet("/after", () => Response.Text("x").WithHeader("X-Handler", "1"))
            .MapGet("/fine", () => "fine"), logs);

        using var before = await client.Client.GetAsync(Path("/before"));
        using var after = await client.Client.GetAsync(Path("/after"));

        Assert.Equal(HttpStatusCode.InternalServerError, before.StatusCode);
        Assert.Equal("{\"error\":\"Internal server error.\"}", await before.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.InternalServerError, after.StatusCode);
        Assert.False(after.Headers.Contains("X-Handler"));
        Assert.Contains(logs.Entries, e => e.Exception?.Message == "middleware bug");
        Assert.Contains(logs.Entries, e => e.Exception?.Message == "early bug");
        Assert.Equal("fine", await client.Client.GetStringAsync(Path("/fine")));
    }

    [Theory]
    [MemberData(nameof(TestTransports.Data), MemberType = typeof(TestTransports))]
    public async Task A_result_no_format_accepts_is_406_after_middleware(TestTransport transport)
    {
        await using var client = await StartAsync(transport, app => app
            .Use((request, next) => next(request))
            .MapGet("/", () => new { id = 1 }));
        using var request = new HttpRequestMessage(HttpMethod.Get, Path("/"));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/xml"));

        using var response = await client.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotAcceptable, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestTransports.Data), MemberType = typeof(TestTransports))]
    public async Task Head_is_answered_through_middleware_without_a_body(TestTransport transport)
    {
        await using var client = await StartAsync(transport, app => app
            .Use((request, next) => next(request))
            .MapGet("/", () => "hello"));

        using var response = await client.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, Path("/")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(5, response.Content.Headers.ContentLength);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [MemberData(nameof(TestTransports.Data), MemberType = typeof(TestTransports))]
    public async Task Cancellation_reaches_the_handler_through_middleware_and_is_logged_as_an_abort(TestTransport transport)
    {
        var logs = new CapturedLogs();
        var waiting = new WaitingRoute();
        await using var client = await StartWithLogsAsync(transport, app => app
            .Use((request, next) => next(request))
            .MapGet("/wait", waiting.Handler), logs);

        await waiting.AbortAsync(client.Client, "/wait");
        await logs.WaitForAsync(e => e.Message.Contains("aborted by the client", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(TestTransports.Data), MemberType = typeof(TestTransports))]
    public async Task Middleware_cannot_be_added_after_the_start(TestTransport transport)
    {
        await using var client = await StartAsync(transport, app => app.MapGet("/", () => "x"));

        var error = Assert.Throws<InvalidOperationException>(() => client.Application.Use((request, next) => next(request)));
        Assert.Contains("before the application starts", error.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => client.Application.MapGet("/late", () => "x"));
    }
    [Theory]
    [MemberData(nameof(TestTransports.Data), MemberType = typeof(TestTransports))]
    public async Task Route_middleware_runs_inside_its_groups_and_before_the_body_is_read(TestTransport transport)
    {
        var order = new List<string>();
        await using var client = await StartAsync(transport, app =>
        {
            var api = app.MapGroup("/api").Use(async (request, next) =>
            {
                order.Add("group");
                return await next(request);
            });
            api.MapPost("/notes", ([Body] Note note) => note.Text)
                .Use((request, next) =>
                {
                    order.Add("route");
                    return request.Headers.Get("X-Allow") is null ? new ValueTask<object?>(Response.Text("refused", 403)) : next(request);
                });
            api.MapGet("/other", () => "other");
        });

        using var refused = await client.Client.PostAsync(Path("/api/notes"), new StringContent("{not json", Encoding.UTF8, "application/json"));
        using var allowed = new HttpRequestMessage(HttpMethod.Post, Path("/api/notes"))
        {
            Content = new StringContent("{\"text\":\"hi\"}", Encoding.UTF8, "application/json"),
            Headers = { { "X-Allow", "1" } },
        };
        using var accepted = await client.Client.SendAsync(allowed);
        var other = await client.Client.GetStringAsync(Path("/api/other"));

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("hi", await accepted.Content.ReadAsStringAsync());
        Assert.Equal("other", other);
        Assert.Equal(["group", "route", "group", "route", "group"], order);
    }

    [Theory]
    [MemberData(nameof(TestTransports.Data), MemberType = typeof(TestTransports))]
    public async Task Middleware_that_calls_next_twice_binds_the_same_body_again(TestTransport transport)
    {
        var seen = new List<string>();
        await using var client = await StartAsync(transport, app => app
            .Use(async (request, next) =>
            {
                _ = await next(request);
                return await next(request);
            })
            .MapPost("/notes", ([Body] Note note) =>
            {
                seen.Add(note.Text);
                return note.Text + "!";
            }));

        using var response = await client.Client.PostAsync(Path("/notes"), new StringContent("{\"text\":\"again\"}", Encoding.UTF8, "application/json"));

        Assert.Equal("again!", await response.Content.ReadAsStringAsync());
        Assert.Equal(["again", "again"], seen);
    }

    [Theory]
    [MemberData(nameof(TestTransports.Data), MemberType = typeof(TestTransports))]
    public async Task Middleware_that_calls_next_twice_for_a_streamed_body_fails_loudly(TestTransport transport)
    {
        var logs = new CapturedLogs();
        await using var client = await StartWithLogsAsync(
            transport,
            app => app
                .Use(async (request, next) =>
                {
                    _ = await next(request);
                    return await next(request);
                })
                .MapPost("/raw", async ([Body] Stream body) =>
                {
                    using var reader = new StreamReader(body);
                    return await reader.ReadToEndAsync();
                }),
            logs);

        using var response = await client.Client.PostAsync(Path("/raw"), new StringContent("payload"));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains(logs.Entries, e => e.Exception?.Message.Contains("cannot replay a streamed body", StringComparison.Ordinal) == true);
    }
}
