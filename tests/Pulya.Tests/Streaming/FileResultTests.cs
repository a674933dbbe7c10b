using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Logging;
using Pulya.Http;
using Pulya.Testing;
using Pulya.Tests.Shared.Http;
using static Pulya.Tests.TestApp;

namespace Pulya.Tests.Streaming;

public sealed class FileResultTests : IDisposable
{
    private const string Content = "0123456789abcdefghij";
    private readonly string _folder = Directory.CreateTempSubdirectory("pulya-files-").FullName;
    private readonly string _file;
    private readonly DateTime _modified = new(2024, 5, 6, 7, 8, 9, DateTimeKind.Utc);

    public FileResultTests()
    {
        _file = System.IO.Path.Combine(_folder, "data.txt");
        File.WriteAllText(_file, Content);
        File.SetLastWriteTimeUtc(_file, _modified.AddTicks(1234));
        File.WriteAllBytes(System.IO.Path.Combine(_folder, "empty.bin"), []);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [MemberData(nameof(TestTransports.Data), MemberType = typeof(TestTransports))]
    public async Task A_file_is_sent_with_length_validators_and_a_type_from_its_extension(TestTransport transport)
    {
        await using var server = await StartFilesAsync(transport);

        using var response = await server.Client.GetAsync(Path("/file"));
        using var typed = await server.Client.GetAsync(Path("/typed"));
        using var empty = await server.Client.GetAsync(Path("/empty"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Content, await response.Content.ReadAsStringAsync());
        Assert.Equal("text/plain", response.Content.Headers.ContentType!.ToString());
        Assert.Equal(Content.Length, response.Content.Headers.ContentLength);
        Assert.Equal(_modified, response.Content.Headers.LastModified!.Value.UtcDateTime);
        Assert.False(response.Headers.ETag!.IsWeak);
        Assert.Equal("bytes", response.Headers.AcceptRanges.Single());
        Assert.Equal("application/x-custom", typed.Content.Headers.ContentType!.ToString());
        Assert.Equal("typed", typed.Headers.GetValues("X-Kind").Single());
        Assert.Equal("application/octet-stream", empty.Content.Headers.ContentType!.ToString());
        Assert.Equal(0, empty.Content.Headers.ContentLength);
    }

    [Theory]
    [MemberData(nameof(TestTransports.Data), MemberType = typeof(TestTransports))]
    public async Task Conditional_requests_that_match_get_304(TestTransport transport)
    {
        await using var server = await StartFilesAsync(transport);
        using var first = await server.Client.GetAsync(Path("/file"));
        var etag = first.Headers.ETag!.Tag;

        Assert.Equal(HttpStatusCode.NotModified, await StatusAsync(server, HttpMethod.Get, ("If-None-Match", etag)));
        Assert.Equal(HttpStatusCode.NotModified, await StatusAsync(server, HttpMethod.Get, ("If-None-Match", "\"other\", W/" + etag)));
        Assert.Equal(HttpStatusCode.NotModified, await StatusAsync(server, HttpMethod.Head, ("If-None-Match", "*")));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(server, HttpMethod.Get, ("If-None-Match", "\"other\"")));
        Assert.Equal(HttpStatusCode.NotModified, await StatusAsync(server, HttpMethod.Get, ("If-Modified-Since", _modified.ToString("R"))));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(server, HttpMethod.Get, ("If-Modified-Since", _modified.AddSeconds(-1).ToString("R"))));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(server, HttpMethod.Get, ("If-Modified-Since", "not a date")));
        // If-None-Match wins over If-Modified-Since; other methods are not conditional here.
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(server, HttpMethod.Get, ("If-None-Match", "\"other\""), ("If-Modified-Since", _modified.ToString("R"))));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(server, HttpMethod.Post, ("If-None-Match", etag)));
        using var notModified = await SendAsync(server, HttpMethod.Get, ("If-None-Match", etag));
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());
        Assert.Equal(etag, notModified.Headers.ETag!.Tag);
    }

    [Theory]
    [MemberData(nameof(TestTransports.Data), MemberType = typeof(TestTransports))]
    public async Task One_byte_range_gets_206_with_its_content_range(TestTransport transport)
    {
        await using var server = await StartFilesAsync(transport);

        await AssertPartialAsync(server, "bytes=0-4", "01234", "bytes 0-4/20");
        await AssertPartialAsync(server, "bytes=15-", "fghij", "bytes 15-19/20");
        await AssertPartialAsync(server, "bytes=-3", "hij", "bytes 17-19/20");
        await AssertPartialAsync(server, "bytes=18-100", "ij", "bytes 18-19/20");
        await AssertPartialAsync(server, "bytes=-100", Content, "bytes 0-19/20");
    }

    [Theory]
    [MemberData(nameof(TestTransports.Data), MemberType = typeof(TestTransports))]
    public async Task A_range_outside_the_file_gets_416_with_the_length(TestTransport transport)
    {
        await using var server = await StartFilesAsync(transport);

        foreach (var range in new[] { "bytes=20-", "bytes=-0" })
        {
            using var response = await SendAsync(server, HttpMethod.Get, ("Range", range));
            Assert.Equal(HttpStatusCode.RequestedRangeNotSatisfiable, response.StatusCode);
            Assert.Equal("bytes */20", response.Content.Headers.ContentRange!.ToString());
            Assert.Equal("{\"error\":\"Range not satisfiable.\"}", await response.Content.ReadAsStringAsync());
        }
    }

    [Theory]
    [MemberData(nameof(TestTransports.Data), MemberType = typeof(TestTransports))]
    public async Task Several_ranges_a_malformed_range_or_a_stale_if_range_get_the_whole_file(TestTransport transport)
    {
        await using var server = await StartFilesAsync(transport);
        using var first = await server.Client.GetAsync(Path("/file"));
        var etag = first.Headers.ETag!.Tag;

        await AssertWholeAsync(server, ("Range", "bytes=0-1, 4-5"));
        await AssertWholeAsync(server, ("Range", "lines=0-1"));
        await AssertWholeAsync(server, ("Range", "bytes=a-b"));
        await AssertWholeAsync(server, ("Range", "bytes=0-4"), ("If-Range", "\"stale\""));
        await AssertWholeAsync(server, ("Range", "bytes=0-4"), ("If-Range", "W/" + etag));
        await AssertWholeAsync(server, ("Range", "bytes=0-4"), ("If-Range", _modified.AddSeconds(-5).ToString("R")));
        await AssertWholeAsync(server, ("Range", "bytes=0-4"), ("If-Range", "garbage"));
        await AssertPartialAsync(server, "bytes=0-4", "01234", "bytes 0-4/20", ("If-Range", etag));
        await AssertPartialAsync(server, "bytes=0-4", "01234", "bytes 0-4/20", ("If-Range", _modified.ToString("R")));
    }

    [Theory]
    [MemberData(nameof(TestTransports.Data), MemberType = typeof(TestTransports))]
    public async Task A_missing_file_is_404_without_the_handlers_headers_and_head_sends_no_body(TestTransport transport)
    {
        await using var server = await StartFilesAsync(transport);

        using var missing = await server.Client.GetAsync(Path("/missing"));
        using var head = await server.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, Path("/file")));

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.False(missing.Headers.Contains("X-Kind"));
        Assert.Equal("{\"error\":\"Not found.\"}", await missing.Content.ReadAsStringAsync());
        Assert.Equal(Content.Length, head.Content.Headers.ContentLength);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [MemberData(nameof(TestTransports.Data), MemberType = typeof(TestTransports))]
    public async Task An_if_modified_since_in_the_future_is_ignored(TestTransport transport)
    {
        await using var server = await StartFilesAsync(transport);

        // RFC 9110 §13.1.3: a date later than the server's current time is invalid, and the condition is not evaluated.
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(server, HttpMethod.Get, ("If-Modified-Since", DateTime.UtcNow.AddDays(1).ToString("R"))));
        Assert.Equal(HttpStatusCode.NotModified, await StatusAsync(server, HttpMethod.Get, ("If-Modified-Since", DateTime.UtcNow.AddMinutes(-1).ToString("R"))));
    }

    [Theory]
    [MemberData(nameof(TestTransports.Data), MemberType = typeof(TestTransports))]
    public async Task A_folder_is_404_like_a_missing_file(TestTransport transport)
    {
        await using var server = await StartFilesAsync(transport);

        using var folder = await server.Client.GetAsync(Path("/folder"));

        Assert.Equal(HttpStatusCode.NotFound, folder.StatusCode);
        Assert.Equal("{\"error\":\"Not found.\"}", await folder.Content.ReadAsStringAsync());
    }

    [Theory]
    [MemberData(nameof(TestTransports.Data), MemberType = typeof(TestTransports))]
    public async Task A_large_file_is_streamed_whole_and_in_ranges(TestTransport transport)
    {
        var large = System.IO.Path.Combine(_folder, "large.bin");
        var bytes = new byte[200_000];
        new Random(7).NextBytes(bytes);
        await File.WriteAllBytesAsync(large, bytes);
        await using var client = await StreamingApp.StartAsync(transport, app => app.MapGet("/large", () => Response.File(large)));

        Assert.Equal(bytes, await client.Client.GetByteArrayAsync(Path("/large")));
        using var request = new HttpRequestMessage(HttpMethod.Get, Path("/large"));
        request.Headers.Range = new RangeHeaderValue(1000, 150_999);
        using var partial = await client.Client.SendAsync(request);
        Assert.Equal(bytes.AsSpan(1000, 150_000).ToArray(), await partial.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [MemberData(nameof(TestTransports.Data), MemberType = typeof(TestTransports))]
    public async Task A_confined_file_is_served_and_every_way_out_of_its_folder_is_a_404_not_logged_as_an_error(TestTransport transport)
    {
        // public/ is served by a catch-all route; secret.txt lies next to it. Each escape below reads secret.txt when the
        // value is joined naively (Path.Combine(folder, path), the pattern Response.File invited before FileIn).
        var root = Directory.CreateDirectory(System.IO.Path.Combine(_folder, "public")).FullName;
        var secret = System.IO.Path.Combine(_folder, "secret.txt");
        File.WriteAllText(secret, "SECRET");
        File.WriteAllText(System.IO.Path.Combine(root, "data.txt"), Content);
        File.WriteAllText(System.IO.Path.Combine(Directory.CreateDirectory(System.IO.Path.Combine(root, "sub")).FullName, "inner.txt"), "inner");
        File.CreateSymbolicLink(System.IO.Path.Combine(root, "inside-link"), System.IO.Path.Combine(root, "sub", "inner.txt"));
        File.CreateSymbolicLink(System.IO.Path.Combine(root, "out-link"), secret);
        Directory.CreateSymbolicLink(System.IO.Path.Combine(root, "dir-link"), _folder);
        File.CreateSymbolicLink(System.IO.Path.Combine(root, "loop-a"), System.IO.Path.Combine(root, "loop-b"));
        File.CreateSymbolicLink(System.IO.Path.Combine(root, "loop-b"), System.IO.Path.Combine(root, "loop-a"));
        var logs = new CapturedLogs();
        await using var server = await StartWithLogsAsync(transport, app => app.MapGet("/files/{*path}", (string path) => Response.FileIn(root, path)), logs);

        Assert.Equal((200, Content), await GetRawAsync(server, "/files/data.txt"));
        Assert.Equal((200, "inner"), await GetRawAsync(server, "/files/sub/inner.txt"));
        Assert.Equal((200, "inner"), await GetRawAsync(server, "/files/inside-link"));
        var escapes = new[]
        {
            "/files/" + secret, // the value is rooted: "/tmp/…/secret.txt"
            "/files/%2F" + secret.TrimStart('/').Replace("/", "%2F", StringComparison.Ordinal),
            "/files/..%2Fsecret.txt",
            "/files/%2E%2E%2Fsecret.txt",
            "/files/sub%2F..%2F..%2Fsecret.txt",
            "/files/..%5Csecret.txt",
            "/files/C:%5Csecret.txt",
            "/files/out-link",
            "/files/dir-link/secret.txt",
            "/files/loop-a",
            "/files/sub",
            "/files/sub/missing.txt",
        };
        foreach (var target in escapes)
        {
            Assert.Equal((404, "{\"error\":\"Not found.\"}"), await GetRawAsync(server, target));
        }

        Assert.DoesNotContain(logs.Entries, e => e.Level >= LogLevel.Warning);
    }

    /// <summary>
    /// GET of <paramref name="target"/>: on Kestrel as written, over a raw socket (no client-side decoding or dot-segment
    /// removal); on the test server through its client (which keeps encoded separators and double slashes).
    /// </summary>
    private static async Task<(int Status, string Body)> GetRawAsync(PulyaTestClient server, string target)
    {
        if (server.Transport == TestTransport.Kestrel)
        {
            var raw = await RawHttpClient.SendAsync(server.BaseAddress!, "GET", target);
            return (raw.Status, raw.BodyText);
        }

        using var response = await server.Client.GetAsync(new Uri(target, UriKind.Relative));
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private Task<PulyaTestClient> StartFilesAsync(TestTransport transport) => StreamingApp.StartAsync(transport, app => app
        .MapGet("/file", () => Response.File(_file))
        .MapPost("/file", () => Response.File(_file))
        .MapGet("/typed", () => Response.File(_file, "application/x-custom").WithHeader("X-Kind", "typed"))
        .MapGet("/folder", () => Response.File(_folder))
        .MapGet("/empty", () => Response.File(System.IO.Path.Combine(_folder, "empty.bin")))
        .MapGet("/missing", () => Response.File(System.IO.Path.Combine(_folder, "nope", "missing.txt")).WithHeader("X-Kind", "set")));

    private static async Task<HttpResponseMessage> SendAsync(PulyaTestClient server, HttpMethod method, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(method, Path("/file"));
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return await server.Client.SendAsync(request);
    }

    private static async Task<HttpStatusCode> StatusAsync(PulyaTestClient server, HttpMethod method, params (string Name, string Value)[] headers)
    {
        using var response = await SendAsync(server, method, headers);
        return response.StatusCode;
    }

    private static async Task AssertPartialAsync(PulyaTestClient server, string range, string expected, string contentRange, params (string Name, string Value)[] more)
    {
        using var response = await SendAsync(server, HttpMethod.Get, [("Range", range), .. more]);
        Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
        Assert.Equal(contentRange, response.Content.Headers.ContentRange!.ToString());
        Assert.Equal(expected.Length, response.Content.Headers.ContentLength);
        Assert.Equal(expected, Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()));
    }

    private static async Task AssertWholeAsync(PulyaTestClient server, params (string Name, string Value)[] headers)
    {
        using var response = await SendAsync(server, HttpMethod.Get, headers);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Content, await response.Content.ReadAsStringAsync());
    }
}
