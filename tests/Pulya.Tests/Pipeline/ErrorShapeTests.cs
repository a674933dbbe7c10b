using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Pulya.Binding;
using Pulya.Http;
using Pulya.Testing;
using Pulya.Tests.Shared.Models;
using static Pulya.Tests.TestApp;

namespace Pulya.Tests.Pipeline;

/// <summary>
/// The error table in both shapes (<c>Pulya:Errors</c>): one set of cases, each run with Pulya's <c>{"error":…}</c> and
/// with RFC 9457 Problem Details, on TestServer and Kestrel, with and without middleware around the route.
/// </summary>
[Collection(SerialCollection.Name)]
public sealed class ErrorShapeTests : IDisposable
{
    private readonly string _file = System.IO.Path.GetTempFileName();

    public ErrorShapeTests() => File.WriteAllText(_file, "0123456789");

    public void Dispose() => File.Delete(_file);

    public static TheoryData<TestTransport, string, bool> Shapes()
    {
        var data = new TheoryData<TestTransport, string, bool>();
        foreach (var transport in TestTransports.All)
        {
            foreach (var shape in new[] { "Pulya", "ProblemDetails" })
            {
                data.Add(transport, shape, false);
                data.Add(transport, shape, true);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public async Task Every_error_of_the_table_is_answered_in_the_configured_shape(TestTransport transport, string shape, bool middleware)
    {
        await using var client = await StartAsync(
            transport,
            app =>
            {
                if (middleware)
                {
                    app.Use((request, next) => next(request));
                }

                app.MapGet("/items/{id}", (string id) => new Item(id))
                    .MapPost("/items", ([Body] Item item) => item.Name)
                    .MapGet("/count", ([Query] int n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture))
                    .MapGet("/fails", string () => throw new InvalidOperationException("secret detail"))
                    .MapGet("/missing", () => Response.File(_file + ".missing"))
                    .MapGet("/file", () => Response.File(_file));
            },
            null,
            $"--Pulya:Errors={shape}",
            "--Pulya:MaxRequestBodySize=100");

        await AssertErrorAsync(transport, shape, await client.Client.GetAsync(Path("/nowhere")), 404, "Not Found", "Not found.", "/nowhere");
        using (var wrongMethod = await client.Client.DeleteAsync(Path("/items/1")))
        {
            Assert.Equal(["GET", "HEAD"], wrongMethod.Content.Headers.Allow);
            await AssertErrorAsync(transport, shape, wrongMethod, 405, "Method Not Allowed", "Method not allowed.", "/items/1");
        }

        using (var html = new HttpRequestMessage(HttpMethod.Get, Path("/items/1")))
        {
            html.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
            await AssertErrorAsync(transport, shape, await client.Client.SendAsync(html), 406, "Not Acceptable", "Not acceptable: no registered format matches the Accept header.", "/items/1");
        }

        await AssertErrorAsync(transport, shape, await client.Client.PostAsync(Path("/items"), new StringContent("x", Encoding.UTF8, "text/plain")), 415, "Unsupported Media Type", "Unsupported media type: send the body as application/json (UTF-8).", "/items");
        await AssertErrorAsync(transport, shape, await client.Client.PostAsync(Path("/items"), new StringContent(new string('a', 200), Encoding.UTF8, "application/json")), 413, "Payload Too Large", "Request body too large.", "/items");
        await AssertErrorAsync(transport, shape, await client.Client.GetAsync(Path("/count?n=abc")), 400, "Bad Request", null, "/count");
        await AssertErrorAsync(transport, shape, await client.Client.GetAsync(Path("/fails")), 500, "Internal Server Error", "Internal server error.", "/fails");
        await AssertErrorAsync(transport, shape, await client.Client.GetAsync(Path("/missing")), 404, "Not Found", "Not found.", "/missing");
        using var range = new HttpRequestMessage(HttpMethod.Get, Path("/file"));
        range.Headers.Range = new RangeHeaderValue(100, 200);
        await AssertErrorAsync(transport, shape, await client.Client.SendAsync(range), 416, "Range Not Satisfiable", "Range not satisfiable.", "/file");
    }

    [Theory]
    [MemberData(nameof(TestTransports.Data), MemberType = typeof(TestTransports))]
    public async Task The_trace_id_of_a_traced_request_is_its_activity_id(TestTransport transport)
    {
        await using var client = await StartAsync(transport, app => app.MapGet("/", () => "x"), null, "--Pulya:Errors=ProblemDetails");
        using var request = new HttpRequestMessage(HttpMethod.Get, Path("/nowhere"));
        request.Headers.Add("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
        string? traceId;
        using (var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == global::Pulya.Diagnostics.PulyaActivitySource.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        })
        {
            ActivitySource.AddActivityListener(listener);
            using var response = await client.Client.SendAsync(request);
            using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            traceId = problem.RootElement.GetProperty("traceId").GetString();
        }

        Assert.StartsWith("00-0af7651916cd43dd8448eb211c80319c-", traceId, StringComparison.Ordinal);
    }

    /// <summary>The response is the error in <paramref name="shape"/>; <paramref name="detail"/> null: any message (a 400 naming a parameter).</summary>
    private static async Task AssertErrorAsync(TestTransport transport, string shape, HttpResponseMessage response, int status, string title, string? detail, string instance)
    {
        using (response)
        {
            Assert.Equal(status, (int)response.StatusCode);
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            var root = body.RootElement;
            if (shape == "Pulya")
            {
                Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType!.ToString());
                Assert.Equal(["error"], root.EnumerateObject().Select(p => p.Name));
                Assert.Equal(detail ?? root.GetProperty("error").GetString(), root.GetProperty("error").GetString());
                return;
            }

            Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.ToString());
            // An untraced request's traceId is the server's request identifier, which Kestrel has and the test server does not.
            Assert.Equal(
                transport == TestTransport.Kestrel ? ["type", "title", "status", "detail", "instance", "traceId"] : ["type", "title", "status", "detail", "instance"],
                root.EnumerateObject().Select(p => p.Name));
            Assert.StartsWith("https://tools.ietf.org/html/rfc9110#section-15.", root.GetProperty("type").GetString(), StringComparison.Ordinal);
            Assert.Equal(title, root.GetProperty("title").GetString());
            Assert.Equal(status, root.GetProperty("status").GetInt32());
            Assert.Equal(detail ?? root.GetProperty("detail").GetString(), root.GetProperty("detail").GetString());
            Assert.Equal(instance, root.GetProperty("instance").GetString());
            Assert.True(transport != TestTransport.Kestrel || !string.IsNullOrEmpty(root.GetProperty("traceId").GetString()));
        }
    }
}
