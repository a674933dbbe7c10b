using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace Pulya.Sample.Aot.Tests;

/// <summary>The AOT sample, published as a native binary, answered over real sockets.</summary>
[Collection(NativeSample.Collection)]
public sealed class NativeSampleTests(NativeSample sample)
{
    [NativeAotFact]
    public void The_publish_has_no_warnings()
    {
        Assert.DoesNotContain("warning", sample.PublishOutput, StringComparison.OrdinalIgnoreCase);
    }

    [NativeAotFact]
    public async Task The_native_binary_serves_every_kind_of_endpoint()
    {
        using var running = await sample.StartAsync();
        var client = running.Client;

        Assert.Equal((200, "{\"success\":true}"), await GetAsync(client, "/"));
        Assert.Equal((200, "{\"test\":\"ok\",\"user\":\"<User /wiring/bob>\",\"name\":\"bob\",\"example\":\"ex\"}"), await GetAsync(client, "/wiring/bob"));
        Assert.Equal((200, "{\"x-example\":\"ex\"}"), await GetAsync(client, "/headers/"));
        Assert.Equal((200, "Hello in plain text!"), await GetAsync(client, "/plain_response/"));
        Assert.Equal((200, "Hello in plain text!"), await GetAsync(client, "/bytes/"));
        Assert.Equal((200, "{\"id\":\"a\",\"another\":\"b\",\"route\":7}"), await GetAsync(client, "/some/a/and/b/7/other"));
        Assert.Equal((200, "{\"count\":1,\"cancellable\":true}"), await GetAsync(client, "/count"));
        Assert.Equal((200, "x page 2 Dark"), await GetAsync(client, "/search?q=x&page=2&shade=dark"));
        Assert.Equal((400, "{\"error\":\"The query parameter 'q' is required.\"}"), await GetAsync(client, "/search"));
        Assert.Equal((400, "{\"error\":\"The query parameter 'page' is not a valid 32-bit integer.\"}"), await GetAsync(client, "/search?q=x&page=two"));
        Assert.Equal((404, "{\"error\":\"Not found.\"}"), await GetAsync(client, "/some/a/and/b/x/other"));
        // The regex constraint works in a native binary that does not switch it off.
        Assert.Equal((200, "ticket abc-12"), await GetAsync(client, "/tickets/abc-12"));
        Assert.Equal((200, "ticket ABC-7"), await GetAsync(client, "/tickets/ABC-7"));
        Assert.Equal((404, "{\"error\":\"Not found.\"}"), await GetAsync(client, "/tickets/12"));

        using var echo = await client.PostAsync(new Uri("/echo", UriKind.Relative), new StringContent("{\"items\":[{\"a\":\"1\",\"b\":\"2\"}]}", Encoding.UTF8, "application/json"));
        Assert.Equal("{\"items\":[{\"a\":\"1\",\"b\":\"2\"}]}", await echo.Content.ReadAsStringAsync());
        // Enums are camelCase strings under AOT too, as the default options write them with dynamic code.
        using var palette = await client.PostAsync(new Uri("/palette", UriKind.Relative), new StringContent("{\"MAIN\":\"Dark\",\"others\":[\"light\",1],\"weight\":null,\"byName\":{\"Sky\":\"light\"},\"extra\":[]}", Encoding.UTF8, "application/json"));
        Assert.Equal("{\"main\":\"dark\",\"others\":[\"light\",\"dark\"],\"weight\":null,\"byName\":{\"Sky\":\"light\"}}", await palette.Content.ReadAsStringAsync());
        using var wrongEnum = await client.PostAsync(new Uri("/palette", UriKind.Relative), new StringContent("{\"main\":\"blue\"}", Encoding.UTF8, "application/json"));
        Assert.Equal((HttpStatusCode.BadRequest, "{\"error\":\"Malformed JSON body: a value does not match the expected type at line 1, byte 15, path '$.main'.\"}"), (wrongEnum.StatusCode, await wrongEnum.Content.ReadAsStringAsync()));
        using var malformed = await client.PostAsync(new Uri("/echo", UriKind.Relative), new StringContent("{\"items\":", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
    }

    [NativeAotFact]
    public async Task The_compiled_binder_refuses_to_start_under_native_aot()
    {
        var (exitCode, output) = await sample.RunToExitAsync("--Pulya:Binder=Compiled");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("the Compiled binder cannot compile one under Native AOT", output, StringComparison.Ordinal);
    }

    [NativeAotFact]
    public async Task The_native_binary_serves_its_openapi_document_and_writes_it_to_a_file()
    {
        using var running = await sample.StartAsync();
        var (status, json) = await GetAsync(running.Client, "/openapi/v1.json");

        Assert.Equal(200, status);
        var document = JsonNode.Parse(json)!;
        Assert.Equal("Pulya AOT sample", (string)document["info"]!["title"]!);
        // The sample's 13 paths and the 3 behind the ASP.NET Core bridge (/api/me, /api/limited, /cached).
        Assert.Equal(16, document["paths"]!.AsObject().Count);
        Assert.Contains("/api/me", document["paths"]!.AsObject().Select(p => p.Key));
        var search = document["paths"]!["/search"]!["get"]!["parameters"]!.AsArray();
        Assert.Equal(["q:query:True:\"string\"", "page:query:False:\"integer\"", "shade:query:False:\"string\""],
            search.Select(p => $"{(string)p!["name"]!}:{(string)p["in"]!}:{(bool?)p["required"] ?? false}:{p["schema"]!["type"]!.ToJsonString()}"));
        Assert.Equal("[\"light\",\"dark\"]", search[2]!["schema"]!["enum"]!.ToJsonString());
        Assert.Equal("[\"null\",\"string\"]", document["components"]!["schemas"]!["Wiring"]!["properties"]!["example"]!["type"]!.ToJsonString());
        Assert.Equal("#/components/schemas/Palette", (string)document["paths"]!["/palette"]!["post"]!["requestBody"]!["content"]!["application/json"]!["schema"]!["$ref"]!);

        var file = Path.Combine(Path.GetTempPath(), $"pulya-aot-openapi-{Guid.NewGuid():N}.json");
        try
        {
            var (exitCode, output) = await sample.RunToExitAsync($"--Pulya:OpenApi:DocumentPath={file}");
            Assert.True(exitCode == 0, output);
            Assert.True(JsonNode.DeepEquals(document, JsonNode.Parse(await File.ReadAllTextAsync(file))));
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static async Task<(int Status, string Body)> GetAsync(HttpClient client, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.Add("X-Example", "ex");
        using var response = await client.SendAsync(request);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
