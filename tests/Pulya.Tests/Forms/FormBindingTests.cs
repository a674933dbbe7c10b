using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Primitives;
using Pulya.Http;
using Pulya.Testing;
using Pulya.Tests.Streaming;
using static Pulya.Tests.TestApp;

namespace Pulya.Tests.Forms;

public sealed class FormBindingTests
{
    [Theory]
    [MemberData(nameof(TestTransports.Data), MemberType = typeof(TestTransports))]
    public async Task Url_encoded_fields_bind_to_simple_parameters(TestTransport transport)
    {
        await using var server = await StartFormAppAsync(transport);

        using var response = await server.Client.PostAsync(Path("/fields"), new FormUrlEncodedContent([new("name", "Ada Lovelace"), new("Age", "36"), new("tag", "a"), new("tag", "b")]));

        Assert.Equal("Ada Lovelace|36|a,b|1", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [MemberData(nameof(TestTransports.Data), MemberType = typeof(TestTransports))]
    public async Task Multipart_fields_and_files_bind_with_their_names_types_and_content(TestTransport transport)
    {
        await using var server = await StartFormAppAsync(transport);
        using var form = new MultipartFormDataContent
        {
            { new StringContent("report"), "title" },
            { File("first", "text/plain"), "upload", "a.txt" },
            { File("second", null), "docs", "b.bin" },
            { File("third", "application/pdf"), "docs", "c.pdf" },
        };

        using var response = await server.Client.PostAsync(Path("/files"), form);

        Assert.Equal("report|upload:a.txt:text/plain:5:first|docs:b.bin:application/octet-stream:6,docs:c.pdf:application/pdf:5", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [MemberData(nameof(TestTransports.Data), MemberType = typeof(TestTransports))]
    public async Task A_whole_form_binds_to_a_model_or_to_PulyaForm(TestTransport transport)
    {
        await using var server = await StartFormAppAsync(transport);
        using var form = new MultipartFormDataContent
        {
            { new StringContent("Ada"), "name" },
            { new StringContent("36"), "age" },
            { new StringContent("x"), "tags" },
            { new StringContent("y"), "tags" },
            { new StringContent("red"), "colors" },
            { new StringContent("3"), "level" },
            { File("img", "image/png"), "avatar", "me.png" },
        };

        using var model = await server.Client.PostAsync(Path("/model"), form);
        using var settable = await server.Client.PostAsync(Path("/settable"), new FormUrlEncodedContent([new("name", "Bob"), new("count", "2")]));
        using var whole = await server.Client.PostAsync(Path("/whole"), new FormUrlEncodedContent([new("a", "1"), new("b", "2")]));

        Assert.Equal("Ada|36|me.png|x,y|red|3", await model.Content.ReadAsStringAsync());
        Assert.Equal("Bob|2", await settable.Content.ReadAsStringAsync());
        Assert.Equal("a=1;b=2;files=0", await whole.Content.ReadAsStringAsync());
    }

    [Theory]
    [MemberData(nameof(TestTransports.Data), MemberType = typeof(TestTransports))]
    public async Task A_large_file_is_buffered_on_disk_and_read_back_whole(TestTransport transport)
    {
        var bytes = new byte[FormFileBufferSize + 12_345];
        new Random(3).NextBytes(bytes);
        await using var server = await StreamingApp.StartAsync(transport, app => app.MapPost("/large", async (PulyaFile upload) =>
        {
            await using var first = upload.OpenReadStream();
            await using var second = upload.OpenReadStream();
            var copy = new MemoryStream();
            await second.CopyToAsync(copy);
            return copy.ToArray();
        }), null, "--Pulya:MaxRequestBodySize=1000000");
        using var form = new MultipartFormDataContent { { new ByteArrayContent(bytes), "upload", "big.bin" } };

        using var response = await server.Client.PostAsync(Path("/large"), form);

        Assert.Equal(bytes, await response.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [MemberData(nameof(TestTransports.Data), MemberType = typeof(TestTransports))]
    public async Task Missing_or_unconvertible_values_are_400_naming_them(TestTransport transport)
    {
        await using var server = await StartFormAppAsync(transport);

        await AssertErrorAsync(server, "/fields", new FormUrlEncodedContent([new("age", "1")]), HttpStatusCode.BadRequest, "The form field 'name' is required.");
        await AssertErrorAsync(server, "/fields", new FormUrlEncodedContent([new("name", "x"), new("age", "old")]), HttpStatusCode.BadRequest, "The form field 'age' is not a valid 32-bit integer.");
        await AssertErrorAsync(server, "/files", new MultipartFormDataContent { { new StringContent("t"), "title" } }, HttpStatusCode.BadRequest, "The form file 'upload' is required.");
    }

    [Theory]
    [MemberData(nameof(TestTransports.Data), MemberType = typeof(TestTransports))]
    public async Task Other_media_types_are_415_and_bodies_over_the_limit_413(TestTransport transport)
    {
        await using var server = await StartFormAppAsync(transport);

        await AssertErrorAsync(server, "/fields", new StringContent("{\"name\":\"x\"}", Encoding.UTF8, "application/json"), HttpStatusCode.UnsupportedMediaType, "Unsupported media type.");
        await AssertErrorAsync(server, "/fields", Raw("name=x", "application/x-www-form-urlencoded; charset=iso-8859-1"), HttpStatusCode.UnsupportedMediaType, "Unsupported media type.");
        await AssertErrorAsync(server, "/fields", Raw("name=x", "not a media type"), HttpStatusCode.UnsupportedMediaType, "Unsupported media type.");
        await AssertErrorAsync(server, "/fields", new StringContent("x"), HttpStatusCode.UnsupportedMediaType, "Unsupported media type.");
        await AssertErrorAsync(server, "/fields", new FormUrlEncodedContent([new("name", new string('x', 200_001))]), HttpStatusCode.RequestEntityTooLarge, "Request body too large.");
        var chunked = new StreamContent(new ProducerStream(_ => Task.FromResult(Encoding.ASCII.GetBytes("name=" + new string('x', 200_001)))));
        chunked.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
        await AssertErrorAsync(server, "/fields", chunked, HttpStatusCode.RequestEntityTooLarge, "Request body too large.");
    }

    [Theory]
    [MemberData(nameof(TestTransports.Data), MemberType = typeof(TestTransports))]
    public async Task Malformed_multipart_bodies_are_400(TestTransport transport)
    {
        await using var server = await StartFormAppAsync(transport);

        await AssertErrorAsync(server, "/whole", Raw("x", "multipart/form-data"), HttpStatusCode.BadRequest, "The multipart boundary is missing or longer than 70 characters.");
        await AssertErrorAsync(server, "/whole", Raw("x", "multipart/form-data; boundary=" + new string('b', 71)), HttpStatusCode.BadRequest, "The multipart boundary is missing or longer than 70 characters.");
        await AssertErrorAsync(server, "/whole", Raw("--b\r\nContent-Type: text/plain\r\n\r\nx\r\n--b--\r\n", "multipart/form-data; boundary=b"), HttpStatusCode.BadRequest, "A multipart section has no form-data Content-Disposition with a name.");
        await AssertErrorAsync(server, "/whole", Raw("--b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nunterminated", "multipart/form-data; boundary=b"), HttpStatusCode.BadRequest, null);
        await AssertErrorAsync(server, "/whole", Raw("--b\r\nContent-Disposition: form-data; name=\"f\"; filename=\"a.txt\"\r\n\r\nunterminated", "multipart/form-data; boundary=b"), HttpStatusCode.BadRequest, null);
        var many = string.Concat(Enumerable.Range(0, 1025).Select(i => $"--b\r\nContent-Disposition: form-data; name=\"f{i}\"\r\n\r\n{i}\r\n")) + "--b--\r\n";
        await AssertErrorAsync(server, "/whole", Raw(many, "multipart/form-data; boundary=b"), HttpStatusCode.BadRequest, "The form has more than 1024 parts (fields and files).");
        var manyEncoded = string.Join("&", Enumerable.Range(0, 1025).Select(i => $"f{i}={i}"));
        await AssertErrorAsync(server, "/whole", Raw(manyEncoded, "application/x-www-form-urlencoded"), HttpStatusCode.BadRequest, "The form is malformed: Form value count limit 1024 exceeded.");
    }

    [Theory]
    [MemberData(nameof(TestTransports.Data), MemberType = typeof(TestTransports))]
    public async Task Files_count_against_the_part_limit_with_fields(TestTransport transport)
    {
        await using var server = await StartFormAppAsync(transport);
        static string Part(int i) => i % 2 == 0
            ? $"--b\r\nContent-Disposition: form-data; name=\"f{i}\"; filename=\"e.txt\"\r\n\r\n\r\n"
            : $"--b\r\nContent-Disposition: form-data; name=\"f{i}\"\r\n\r\n{i}\r\n";
        static string Form(IEnumerable<string> parts) => string.Concat(parts) + "--b--\r\n";

        var emptyFiles = Form(Enumerable.Repeat("--b\r\nContent-Disposition: form-data; name=\"f\"; filename=\"a\"\r\n\r\n\r\n", 2_000));
        await AssertErrorAsync(server, "/whole", Raw(emptyFiles, "multipart/form-data; boundary=b"), HttpStatusCode.BadRequest, "The form has more than 1024 parts (fields and files).");
        await AssertErrorAsync(server, "/whole", Raw(Form(Enumerable.Range(0, 1025).Select(Part)), "multipart/form-data; boundary=b"), HttpStatusCode.BadRequest, "The form has more than 1024 parts (fields and files).");

        using var atTheLimit = await server.Client.PostAsync(Path("/whole"), Raw(Form(Enumerable.Range(0, 1024).Select(Part)), "multipart/form-data; boundary=b"));
        Assert.Equal(HttpStatusCode.OK, atTheLimit.StatusCode);
        Assert.EndsWith(";files=512", await atTheLimit.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestTransports.Data), MemberType = typeof(TestTransports))]
    public async Task The_part_limit_is_configurable(TestTransport transport)
    {
        await using var server = await StreamingApp.StartAsync(transport, app => app.MapPost("/whole", (PulyaForm form) => $"{form.Fields.Count};{form.Files.Count}"), null, "--Pulya:MaxFormParts=2");
        var file = "--b\r\nContent-Disposition: form-data; name=\"f\"; filename=\"a\"\r\n\r\nx\r\n";
        var field = "--b\r\nContent-Disposition: form-data; name=\"g\"\r\n\r\ny\r\n";

        using var two = await server.Client.PostAsync(Path("/whole"), Raw(field + file + "--b--\r\n", "multipart/form-data; boundary=b"));
        Assert.Equal("1;1", await two.Content.ReadAsStringAsync());
        await AssertErrorAsync(server, "/whole", Raw(field + file + file + "--b--\r\n", "multipart/form-data; boundary=b"), HttpStatusCode.BadRequest, "The form has more than 2 parts (fields and files).");
        await AssertErrorAsync(server, "/whole", Raw("a=1&b=2&c=3", "application/x-www-form-urlencoded"), HttpStatusCode.BadRequest, "The form is malformed: Form value count limit 2 exceeded.");
    }

    [Theory]
    [MemberData(nameof(TestTransports.Data), MemberType = typeof(TestTransports))]
    public async Task A_request_without_a_body_binds_an_empty_form(TestTransport transport)
    {
        await using var client = await StreamingApp.StartAsync(transport, app => app.MapPost("/optional", ([Form] string? note, PulyaForm form) => $"{note ?? "none"}|{form.Fields.Count}"));

        using var response = await client.Client.PostAsync(Path("/optional"), null);

        Assert.Equal("none|0", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Unbindable_form_parameters_and_a_form_with_a_body_fail_at_start_up()
    {
        var member = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            StartAsync(app => app.MapPost("/m", ([Form] BadModel model) => model.Items.Count)));
        var both = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            StartAsync(app => app.MapPost("/b", ([Form] string name, [Body] Settable body) => name)));
        var noConstructor = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            StartAsync(app => app.MapPost("/c", ([Form] IDisposable model) => 1)));

        Assert.Contains("BadModel.Items: List`1 cannot be bound from a form field", member.Message, StringComparison.Ordinal);
        Assert.Contains("one parameter only", both.Message, StringComparison.Ordinal);
        Assert.Contains("IDisposable has no public constructor", noConstructor.Message, StringComparison.Ordinal);
    }

    private const int FormFileBufferSize = 64 * 1024;

    private static Task<PulyaTestClient> StartFormAppAsync(TestTransport transport) => StreamingApp.StartAsync(transport, app => app
        .MapPost("/fields", ([Form] string name, [Form("age")] int years, [Form("tag")] string[] tags, [Form] StringValues missing, [Form] int level = 1) =>
            $"{name}|{years}|{string.Join(",", tags)}|{level}{missing}")
        .MapPost("/files", async ([Form] string title, PulyaFile upload, [Form("docs")] IReadOnlyList<PulyaFile> docs) =>
        {
            using var reader = new StreamReader(upload.OpenReadStream());
            var text = await reader.ReadToEndAsync();
            return $"{title}|{upload.Name}:{upload.FileName}:{upload.ContentType}:{upload.Length}:{text}|"
                + string.Join(",", docs.Select(d => $"{d.Name}:{d.FileName}:{d.ContentType}:{d.Length}"));
        })
        .MapPost("/model", ([Form] Signup signup) =>
            $"{signup.Name}|{signup.Age}|{signup.Avatar?.FileName}|{string.Join(",", signup.Tags ?? [])}|{signup.Colors}|{signup.Level}")
        .MapPost("/settable", ([Form] Settable model) => $"{model.Name}|{model.Count}")
        .MapPost("/whole", (PulyaForm form) => string.Join(";", form.Fields.OrderBy(f => f.Key).Select(f => $"{f.Key}={f.Value}")) + $";files={form.Files.Count}"),
        null, "--Pulya:MaxRequestBodySize=200000");

    private static ByteArrayContent File(string text, string? contentType)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
        if (contentType is not null)
        {
            content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        }

        return content;
    }

    private static ByteArrayContent Raw(string body, string contentType)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return content;
    }

    private static async Task AssertErrorAsync(PulyaTestClient server, string path, HttpContent content, HttpStatusCode status, string? message)
    {
        using (content)
        {
            using var response = await server.Client.PostAsync(Path(path), content);
            Assert.Equal(status, response.StatusCode);
            var body = await response.Content.ReadAsStringAsync();
            Assert.StartsWith("{\"error\":\"", body, StringComparison.Ordinal);
            if (message is not null)
            {
                Assert.Equal("{\"error\":\"" + message + "\"}", body);
            }
        }
    }

    public sealed record Signup(string Name, int Age, PulyaFile? Avatar = null)
    {
        public string[]? Tags { get; set; }

        public StringValues Colors { get; set; }

        public int Level { get; init; }
    }

    public sealed class Settable
    {
        public string? Name { get; set; }

        public int Count { get; set; }

        public int ReadOnly => Count;
    }

    public sealed class BadModel
    {
        public List<int> Items { get; set; } = [];
    }
}
