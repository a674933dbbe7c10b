using System.Net;
using System.Text;
using Microsoft.Extensions.Logging;
using static Pulya.Tests.TestApp;
using Pulya.Testing;
using Pulya.Tests.Shared.Http;

namespace Pulya.Tests.Pipeline;

public abstract class ErrorHandlingTests(TestTransport transport) : TransportTests(transport)
{
    [Fact]
    public async Task A_throwing_handler_is_500_without_details_and_logged_with_the_stack_trace()
    {
        var logs = new CapturedLogs();
        await using var client = await StartWithLogsAsync(app => app
            .MapGet("/boom", string () => throw new InvalidOperationException("secret detail"))
            .MapGet("/ok", () => "ok"), logs);

        using var response = await client.Client.GetAsync(Path("/boom"));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("{\"error\":\"Internal server error.\"}", body);
        var entry = Assert.Single(logs.Entries, e => e.Level == LogLevel.Error);
        Assert.Contains("GET /boom", entry.Message, StringComparison.Ordinal);
        Assert.Equal("secret detail", entry.Exception!.Message);
        Assert.NotNull(entry.Exception.StackTrace);
        Assert.Equal("ok", await client.Client.GetStringAsync(Path("/ok")));
    }

    [Fact]
    public async Task An_async_throwing_handler_is_500()
    {
        await using var client = await StartAsync(app => app.MapGet("/boom", async Task<string> () =>
        {
            await Task.Yield();
            throw new InvalidOperationException("x");
        }));

        using var response = await client.Client.GetAsync(Path("/boom"));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
    }

    [Fact]
    public async Task A_failure_after_the_response_started_aborts_instead_of_sending_half_a_body()
    {
        await using var client = await StartAsync(app => app.MapGet("/half", () => new Exploding()));

        await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            using var response = await client.Client.GetAsync(Path("/half"));
            await response.Content.ReadAsStringAsync();
        });
        Assert.Equal("ok", await (await StartAsync(app => app.MapGet("/", () => "ok"))).Client.GetStringAsync(Path("/")));
    }

    [Fact]
    public async Task Unsupported_content_type_is_415()
    {
        await using var client = await StartAsync(app => app.MapPost("/b", ([Body] int[] body) => body.Length));

        using var response = await client.Client.PostAsync(Path("/b"), new StringContent("a,b", Encoding.UTF8, "text/csv"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("{\"error\":\"Unsupported media type: send the body as application/json (UTF-8).\"}", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Bodies_over_the_limit_are_413_with_or_without_content_length()
    {
        await using var client = await StartAsync(app => app.MapPost("/b", ([Body] string body) => body.Length), null, "--Pulya:MaxRequestBodySize=100");
        var json = "\"" + new string('x', 200) + "\"";

        using var declared = await client.Client.PostAsync(Path("/b"), new StringContent(json, Encoding.UTF8, "application/json"));
        using var chunked = await client.Client.PostAsync(Path("/b"), new ChunkedContent(json));
        using var fits = await client.Client.PostAsync(Path("/b"), new ChunkedContent("\"" + new string('y', 90) + "\""));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, declared.StatusCode);
        Assert.Equal("{\"error\":\"Request body too large.\"}", await declared.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, chunked.StatusCode);
        // The unread rest of a refused body makes the connection unusable: the client is told not to reuse it.
        Assert.True(declared.Headers.ConnectionClose);
        Assert.True(chunked.Headers.ConnectionClose);
        Assert.Equal("90", await fits.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Bodies_larger_than_the_first_buffer_are_read_whole()
    {
        await using var client = await StartAsync(app => app.MapPost("/b", ([Body] string body) => body.Length));
        var json = "\"" + new string('z', 50_000) + "\"";

        using var response = await client.Client.PostAsync(Path("/b"), new ChunkedContent(json));

        Assert.Equal("50000", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("{\"x\":1} {\"x\":2}", "Malformed JSON body: unexpected content after the JSON value at line 1")]
    [InlineData("{\"x\":1} trailing", "Malformed JSON body: unexpected content after the JSON value")]
    [InlineData("{\"x\":\"not a number\"}", "Malformed JSON body: a value does not match the expected type at line 1")]
    [InlineData("{\"x\":1,", "Malformed JSON body: the JSON is incomplete (truncated)")]
    [InlineData("{\"x\":\"\\u12\"}", "Malformed JSON body: invalid JSON")]
    [InlineData("{\"x\":}", "Malformed JSON body: invalid JSON")]
    public async Task Malformed_json_is_400_without_echoing_the_payload(string body, string expected)
    {
        await using var client = await StartAsync(app => app.MapPost("/b", ([Body] Point point) => point.X));

        using var response = await client.Client.PostAsync(Path("/b"), new StringContent(body, Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(expected, text, StringComparison.Ordinal);
        Assert.DoesNotContain("not a number", text, StringComparison.Ordinal);
        Assert.DoesNotContain("trailing", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancellation_reaches_the_handler_when_the_client_goes_away()
    {
        var logs = new CapturedLogs();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var cancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var client = await StartWithLogsAsync(app => app.MapGet("/wait", async (CancellationToken token) =>
        {
            using var registration = token.Register(() => cancelled.TrySetResult());
            started.SetResult();
            await Task.Delay(Timeout.Infinite, token);
            return "never";
        }), logs);
        using var cts = new CancellationTokenSource();

        var request = client.Client.GetAsync(Path("/wait"), cts.Token);
        await started.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => request);
        await cancelled.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await logs.WaitForAsync(e => e.Message.Contains("aborted by the client", StringComparison.Ordinal));
    }

    public sealed record Point(int X);

    /// <summary>Serializes a few bytes, then fails: the response has started when the error happens.</summary>
    public sealed class Exploding
    {
        /// <summary>Many small writes, well past the 32 KiB response buffer: the response is streaming when Second throws.</summary>
        public IEnumerable<int> First => Enumerable.Range(0, 64 * 1024);

        public string Second => throw new InvalidOperationException("mid-body");
    }

    /// <summary>The suite in memory.</summary>
    public sealed class OnTestServer() : ErrorHandlingTests(TestTransport.TestServer);

    /// <summary>The suite over real Kestrel sockets.</summary>
    public sealed class OnKestrel() : ErrorHandlingTests(TestTransport.Kestrel);
}
