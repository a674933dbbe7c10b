using System.Net;
using System.Text;
using Microsoft.Extensions.Logging;
using Pulya.Hosting;
using Pulya.Tests.Shared.Http;

namespace Pulya.Tests.Pipeline;

/// <summary>The pipeline on real Kestrel (127.0.0.1, a free port), for what only a real server does.</summary>
public sealed class KestrelPipelineTests : IAsyncLifetime
{
    private PulyaApplication _app = null!;
    private Uri _base = null!;

    public async Task InitializeAsync()
    {
        var builder = PulyaApplication.CreateBuilder(["--urls", "http://127.0.0.1:0", "--Pulya:MaxRequestBodySize=64"]);
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapPost("/echo", ([Body] string text) => text).MapGet("/", () => "up");
        await _app.StartAsync();
        _base = new Uri(_app.Urls.Single());
    }

    public async Task DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task Bodies_are_read_and_limited_on_kestrel()
    {
        using var http = new HttpClient { BaseAddress = _base };

        using var ok = await http.PostAsync(new Uri("/echo", UriKind.Relative), new StringContent("\"hello\"", Encoding.UTF8, "application/json"));
        using var tooLarge = await http.PostAsync(new Uri("/echo", UriKind.Relative), new StringContent("\"" + new string('x', 100) + "\"", Encoding.UTF8, "application/json"));

        Assert.Equal("hello", await ok.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
    }

    [Fact]
    public async Task Malformed_chunked_framing_is_kestrels_400_as_json_and_the_server_keeps_serving()
    {
        var response = await SendRawAsync(
            "POST /echo HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nabc\r\n0\r\n\r\n");

        Assert.StartsWith("HTTP/1.1 400", response, StringComparison.Ordinal);
        Assert.EndsWith("{\"error\":\"Bad request (status 400).\"}", response, StringComparison.Ordinal);
        using var http = new HttpClient { BaseAddress = _base };
        Assert.Equal("up", await http.GetStringAsync(new Uri("/", UriKind.Relative)));
    }

    private async Task<string> SendRawAsync(string request) => (await RawHttpClient.SendAsync(_base.Port, request)).Text;
}
