using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http.Features;
using Pulya.Http;
using Pulya.Testing;
using static Pulya.Tests.TestApp;

namespace Pulya.Tests.Results;

/// <summary>A result type defined outside the core (<see cref="IResponseContent"/>) is sent by the core like its own.</summary>
public abstract class ResponseContentTests(TestTransport transport) : TransportTests(transport)
{
    [Fact]
    public async Task Content_a_module_defines_writes_its_own_body_with_its_content_type()
    {
        await using var client = await StartAsync(app => app
            .MapGet("/csv", () => new CsvContent("a,b\n1,2\n"))
            .MapGet("/csv-created", () => new Response(new CsvContent("x\n"), 201) { ContentType = "text/plain" }.WithHeader("X-Kind", "own")));

        using var csv = await client.Client.GetAsync(Path("/csv"));
        using var created = await client.Client.GetAsync(Path("/csv-created"));
        using var head = await client.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, Path("/csv")));

        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        Assert.Equal("a,b\n1,2\n", await csv.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("text/plain", created.Content.Headers.ContentType!.MediaType);
        Assert.Equal("own", created.Headers.GetValues("X-Kind").Single());
        Assert.Equal("x\n", await created.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Content_that_fails_before_writing_is_answered_by_the_error_table()
    {
        await using var client = await StartAsync(app => app.MapGet("/broken", () => new CsvContent(null)));

        using var response = await client.Client.GetAsync(Path("/broken"));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("{\"error\":\"Internal server error.\"}", await response.Content.ReadAsStringAsync());
    }

    private sealed class CsvContent(string? text) : IResponseContent
    {
        public string? ContentType => "text/csv";

        public async Task WriteAsync(PulyaRequest request, IHttpResponseBodyFeature body, CancellationToken cancellationToken)
        {
            var bytes = Encoding.UTF8.GetBytes(text ?? throw new InvalidOperationException("No rows."));
            await body.Writer.WriteAsync(bytes, cancellationToken);
        }
    }

    /// <summary>The suite in memory.</summary>
    public sealed class OnTestServer() : ResponseContentTests(TestTransport.TestServer);

    /// <summary>The suite over real Kestrel sockets.</summary>
    public sealed class OnKestrel() : ResponseContentTests(TestTransport.Kestrel);
}
