using System.IO.Pipelines;
using System.Net;
using System.Text;
using Pulya.Testing;
using Pulya.Tests.Shared.Http;
using Pulya.Tests.Streaming;
using static Pulya.Tests.TestApp;

namespace Pulya.Tests.Binding;

public sealed class BodyStreamBindingTests
{
    [Theory]
    [MemberData(nameof(TestTransports.Data), MemberType = typeof(TestTransports))]
    public async Task A_handler_reads_the_body_as_a_stream_or_a_pipe_reader(TestTransport transport)
    {
        await using var server = await StartBodyAppAsync(transport);

        using var stream = await server.Client.PostAsync(Path("/stream"), new StringContent("hello"));
        using var pipe = await server.Client.PostAsync(Path("/pipe"), new StringContent("hello pipe"));
        using var chunked = await server.Client.PostAsync(Path("/stream"), Chunked(new string('a', 64)));

        Assert.Equal("5:hello", await stream.Content.ReadAsStringAsync());
        Assert.Equal("10", await pipe.Content.ReadAsStringAsync());
        Assert.Equal("64:" + new string('a', 64), await chunked.Content.ReadAsStringAsync());
    }

    [Theory]
    [MemberData(nameof(TestTransports.Data), MemberType = typeof(TestTransports))]
    public async Task A_body_over_the_limit_is_413_declared_or_not(TestTransport transport)
    {
        await using var server = await StartBodyAppAsync(transport);
        var tooLarge = new string('a', 65);

        foreach (var path in new[] { "/stream", "/pipe" })
        {
            using var declared = await server.Client.PostAsync(Path(path), new StringContent(tooLarge));
            using var chunked = await server.Client.PostAsync(Path(path), Chunked(tooLarge));

            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, declared.StatusCode);
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, chunked.StatusCode);
            Assert.Equal("{\"error\":\"Request body too large.\"}", await chunked.Content.ReadAsStringAsync());
        }
    }

    [Theory]
    [MemberData(nameof(TestTransports.Data), MemberType = typeof(TestTransports))]
    public async Task A_chunked_body_of_exactly_the_limit_is_accepted_by_every_body_kind(TestTransport transport)
    {
        // Kestrel's own cap counts chunk framing as body bytes; Pulya counts the body itself.
        await using var server = await StartBodyAppAsync(transport);
        var json = Chunked("\"" + new string('j', 62) + "\"");
        json.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        var form = Chunked("name=" + new string('f', 59));
        form.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-www-form-urlencoded");

        using var value = await server.Client.PostAsync(Path("/value"), json);
        using var fields = await server.Client.PostAsync(Path("/form"), form);
        using var stream = await server.Client.PostAsync(Path("/stream"), Chunked(new string('s', 64)));

        Assert.Equal(62, (await value.Content.ReadAsStringAsync()).Length);
        Assert.Equal(59, (await fields.Content.ReadAsStringAsync()).Length);
        Assert.Equal(HttpStatusCode.OK, stream.StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestTransports.Data), MemberType = typeof(TestTransports))]
    public async Task The_body_stream_is_read_only_forward_only_and_asynchronous(TestTransport transport)
    {
        await using var client = await StreamingApp.StartAsync(transport, app => app.MapPost("/shape", async (Stream body) =>
        {
            body.Flush();
            var buffer = new byte[4];
            var read = await body.ReadAsync(buffer, 0, buffer.Length);
            return string.Join(",",
                read,
                body.CanRead, body.CanSeek, body.CanWrite,
                Throws(() => body.Length), Throws(() => body.Position), Throws(() => body.Position = 0),
                Throws(() => body.Seek(0, SeekOrigin.Begin)), Throws(() => body.SetLength(0)),
                Throws(() => body.Write([1], 0, 1)), Throws(() => body.ReadByte()));
        }));

        using var response = await client.Client.PostAsync(Path("/shape"), new StringContent("x"));

        Assert.Equal("1,True,False,False,True,True,True,True,True,True,True", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Malformed_chunked_framing_under_a_body_stream_is_400_on_kestrel()
    {
        await using var server = await StartBodyAppAsync(TestTransport.Kestrel);
        var response = (await RawHttpClient.SendAsync(server.BaseAddress!.Port, "POST /stream HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\nFFFFFFFFFFFFFFFFFF\r\nabc\r\n0\r\n\r\n")).Text;

        Assert.StartsWith("HTTP/1.1 400 ", response, StringComparison.Ordinal);
        Assert.EndsWith("{\"error\":\"The request body is malformed or incomplete.\"}", response, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stream_and_a_body_value_on_one_handler_fail_at_start_up()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            StartAsync(app => app.MapPost("/both", ([Body] string text, Stream body) => text)));

        Assert.Contains("one parameter only", error.Message, StringComparison.Ordinal);
    }

    private static Task<PulyaTestClient> StartBodyAppAsync(TestTransport transport) => StreamingApp.StartAsync(transport, app => app
        .MapPost("/stream", async (Stream body) =>
        {
            var text = await new StreamReader(body).ReadToEndAsync();
            return $"{text.Length}:{text}";
        })
        .MapPost("/value", ([Body] string text) => text)
        .MapPost("/form", ([Form] string name) => name)
        .MapPost("/pipe", async (PipeReader reader, CancellationToken ct) =>
        {
            long total = 0;
            while (true)
            {
                var result = await reader.ReadAsync(ct);
                total += result.Buffer.Length;
                reader.AdvanceTo(result.Buffer.End);
                if (result.IsCompleted)
                {
                    return total;
                }
            }
        }), null, "--Pulya:MaxRequestBodySize=64");

    private static StreamContent Chunked(string text) => new(new ProducerStream(_ => Task.FromResult(Encoding.UTF8.GetBytes(text))));

    private static bool Throws(Action action)
    {
        try
        {
            action();
            return false;
        }
        catch (NotSupportedException)
        {
            return true;
        }
    }

    private static bool Throws(Func<object> func) => Throws(() => { _ = func(); });
}
