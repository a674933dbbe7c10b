using Pulya.Hosting;
using Pulya.Tests.Shared.Http;
using Pulya.Tests.Shared.Models;

namespace Pulya.Tests.Pipeline;

/// <summary>Body framing Kestrel rejects while the handler's body is read: a client error (400), never a handler failure (500).</summary>
public sealed class MalformedBodyFramingTests
{
    [Fact]
    public async Task Chunk_size_that_overflows_is_400_and_the_server_keeps_serving()
    {
        await using var app = PulyaApplication.CreateBuilder(["--urls=http://127.0.0.1:0", "--Logging:LogLevel:Default=None"]).Build();
        app.MapPost("/items", ([Body] Item item) => item);
        app.MapGet("/", () => "up");
        await app.StartAsync();
        var port = new Uri(app.Urls.Single()).Port;

        var response = await SendAsync(port, "POST /items HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\nFFFFFFFFFFFFFFFFFF\r\nabc\r\n0\r\n\r\n");
        var root = await SendAsync(port, "GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");

        Assert.StartsWith("HTTP/1.1 400 ", response, StringComparison.Ordinal);
        Assert.EndsWith("{\"error\":\"The request body is malformed or incomplete.\"}", response, StringComparison.Ordinal);
        Assert.StartsWith("HTTP/1.1 200 ", root, StringComparison.Ordinal);
        await app.StopAsync();
    }

    [Fact]
    public async Task Chunked_body_over_the_limit_is_413()
    {
        await using var app = PulyaApplication.CreateBuilder(["--urls=http://127.0.0.1:0", "--Logging:LogLevel:Default=None", "--Pulya:MaxRequestBodySize=16"]).Build();
        app.MapPost("/items", ([Body] Item item) => item);
        await app.StartAsync();
        var port = new Uri(app.Urls.Single()).Port;

        // 32 bytes in one chunk: the pipeline counts the body's own bytes (not the chunk framing) against MaxRequestBodySize.
        var response = await SendAsync(port, "POST /items HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n20\r\n{\"name\":\"aaaaaaaaaaaaaaaaaaaaa\"}\r\n0\r\n\r\n");

        Assert.StartsWith("HTTP/1.1 413 ", response, StringComparison.Ordinal);
        Assert.EndsWith("{\"error\":\"Request body too large.\"}", response, StringComparison.Ordinal);
        await app.StopAsync();
    }

    private static async Task<string> SendAsync(int port, string request) => (await RawHttpClient.SendAsync(port, request)).Text;
}
