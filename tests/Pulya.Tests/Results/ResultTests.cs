using System.Net;
using System.Net.Http.Headers;
using Pulya.Http;
using static Pulya.Tests.TestApp;
using Pulya.Testing;

namespace Pulya.Tests.Results;

public abstract class ResultTests(TestTransport transport) : TransportTests(transport)
{
    [Fact]
    public async Task Handlers_returning_nothing_answer_204()
    {
        await using var client = await StartAsync(app => app
            .MapPost("/void", () => { })
            .MapPost("/task", () => Task.CompletedTask)
            .MapPost("/valuetask", () => ValueTask.CompletedTask)
            .MapPost("/null", () => (object?)null)
            .MapPost("/async", async () => await Task.Yield()));

        foreach (var path in new[] { "/void", "/task", "/valuetask", "/null", "/async" })
        {
            using var response = await client.Client.PostAsync(Path(path), null);
            Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
            Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        }
    }

    [Fact]
    public async Task Tasks_and_value_tasks_are_awaited_completed_or_not()
    {
        await using var client = await StartAsync(app => app
            .MapGet("/task", () => Task.FromResult(new { a = 1 }))
            .MapGet("/task-async", async () => { await Task.Yield(); return new { a = 2 }; })
            .MapGet("/valuetask", () => ValueTask.FromResult(new { a = 3 }))
            .MapGet("/valuetask-async", () => Later(4)));

        Assert.Equal("{\"a\":1}", await client.Client.GetStringAsync(Path("/task")));
        Assert.Equal("{\"a\":2}", await client.Client.GetStringAsync(Path("/task-async")));
        Assert.Equal("{\"a\":3}", await client.Client.GetStringAsync(Path("/valuetask")));
        Assert.Equal("{\"a\":4}", await client.Client.GetStringAsync(Path("/valuetask-async")));

        static async ValueTask<object> Later(int a)
        {
            await Task.Yield();
            return new { a };
        }
    }

    [Fact]
    public async Task Values_are_serialized_with_camel_case_and_string_enums()
    {
        await using var client = await StartAsync(app => app.MapGet("/v", () => new Sample("x", null, DayOfWeek.Monday, 42)));

        using var response = await client.Client.GetAsync(Path("/v"));

        Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.Equal("{\"name\":\"x\",\"missing\":null,\"day\":\"monday\",\"count\":42}", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Value_types_and_bytes_and_memory_are_written()
    {
        await using var client = await StartAsync(app => app
            .MapGet("/int", () => 5)
            .MapGet("/memory", () => new ReadOnlyMemory<byte>([104, 105]))
            .MapGet("/empty", () => Array.Empty<byte>()));

        Assert.Equal("5", await client.Client.GetStringAsync(Path("/int")));
        using var memory = await client.Client.GetAsync(Path("/memory"));
        Assert.Equal("application/octet-stream", memory.Content.Headers.ContentType!.MediaType);
        Assert.Equal("hi", await memory.Content.ReadAsStringAsync());
        using var empty = await client.Client.GetAsync(Path("/empty"));
        Assert.Equal(0, empty.Content.Headers.ContentLength);
    }

    [Fact]
    public async Task Response_objects_set_status_headers_and_content()
    {
        await using var client = await StartAsync(app => app
            .MapGet("/created", () => Response.Serialized(new { id = 7 }, 201).WithHeader("Location", "/items/7").WithHeader("X-A", "1").WithHeader("X-A", "2"))
            .MapGet("/typed", () => new Response("<p>hi</p>") { ContentType = "text/html; charset=utf-8" })
            .MapGet("/png", () => Response.Bytes([137, 80], "image/png"))
            .MapGet("/teapot", () => Response.Status(418))
            .MapGet("/custom-json", () => new Response(new { a = 1 }) { ContentType = "application/problem+json" }));

        using var created = await client.Client.GetAsync(Path("/created"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("/items/7", created.Headers.Location!.ToString());
        Assert.Equal(["1", "2"], created.Headers.GetValues("X-A"));
        Assert.Equal("{\"id\":7}", await created.Content.ReadAsStringAsync());

        using var typed = await client.Client.GetAsync(Path("/typed"));
        Assert.Equal("text/html", typed.Content.Headers.ContentType!.MediaType);
        Assert.Equal("<p>hi</p>", await typed.Content.ReadAsStringAsync());

        using var png = await client.Client.GetAsync(Path("/png"));
        Assert.Equal("image/png", png.Content.Headers.ContentType!.MediaType);

        using var teapot = await client.Client.GetAsync(Path("/teapot"));
        Assert.Equal((HttpStatusCode)418, teapot.StatusCode);
        Assert.Empty(await teapot.Content.ReadAsByteArrayAsync());

        using var custom = await client.Client.GetAsync(Path("/custom-json"));
        Assert.Equal("application/problem+json", custom.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Head_answers_like_get_without_a_body()
    {
        await using var client = await StartAsync(app => app
            .MapGet("/json", () => new { a = "bc" })
            .MapGet("/bytes", () => new byte[] { 1, 2, 3 }));

        using var json = await client.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/json"));
        using var bytes = await client.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/bytes"));

        Assert.Equal(HttpStatusCode.OK, json.StatusCode);
        Assert.Equal(10, json.Content.Headers.ContentLength);
        Assert.Equal("application/json", json.Content.Headers.ContentType!.MediaType);
        Assert.Empty(await json.Content.ReadAsByteArrayAsync());
        Assert.Equal(3, bytes.Content.Headers.ContentLength);
        Assert.Empty(await bytes.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task An_explicit_head_route_wins_over_the_implicit_one()
    {
        await using var client = await StartAsync(app => app
            .MapGet("/x", () => "get")
            .Map("HEAD", "/x", () => Response.Status(299)));

        using var head = await client.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/x"));

        Assert.Equal((HttpStatusCode)299, head.StatusCode);
    }

    [Theory]
    [InlineData("application/json", HttpStatusCode.OK)]
    [InlineData("application/*", HttpStatusCode.OK)]
    [InlineData("text/html, */*;q=0.1", HttpStatusCode.OK)]
    [InlineData("application/json;q=0.5, text/html", HttpStatusCode.OK)]
    [InlineData("text/html", HttpStatusCode.NotAcceptable)]
    [InlineData("application/json;q=0, */*", HttpStatusCode.NotAcceptable)]
    [InlineData("text/html, image/png;q=0.9", HttpStatusCode.NotAcceptable)]
    public async Task Accept_chooses_the_format_or_answers_406(string accept, HttpStatusCode expected)
    {
        await using var client = await StartAsync(app => app.MapGet("/v", () => new { a = 1 }).MapGet("/t", () => "text"));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v");
        request.Headers.TryAddWithoutValidation("Accept", accept);
        using var text = new HttpRequestMessage(HttpMethod.Get, "/t");
        text.Headers.TryAddWithoutValidation("Accept", accept);

        using var response = await client.Client.SendAsync(request);
        using var textResponse = await client.Client.SendAsync(text);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.OK, textResponse.StatusCode);
    }

    [Fact]
    public async Task An_unparsable_accept_header_falls_back_to_the_default()
    {
        await using var client = await StartAsync(app => app.MapGet("/v", () => new { a = 1 }));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v");
        request.Headers.TryAddWithoutValidation("Accept", "???");

        using var response = await client.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    public sealed record Sample(string Name, string? Missing, DayOfWeek Day, int Count);

    /// <summary>The suite in memory.</summary>
    public sealed class OnTestServer() : ResultTests(TestTransport.TestServer);

    /// <summary>The suite over real Kestrel sockets.</summary>
    public sealed class OnKestrel() : ResultTests(TestTransport.Kestrel);
}
