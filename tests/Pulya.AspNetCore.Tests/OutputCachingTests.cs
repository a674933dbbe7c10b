using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.DependencyInjection;
using Pulya.Http;
using Pulya.Testing;
using static Pulya.AspNetCore.Tests.BridgeApp;

namespace Pulya.AspNetCore.Tests;

public sealed class OutputCachingTests
{
    [Theory]
    [MemberData(nameof(TestTransports.Data), MemberType = typeof(TestTransports))]
    public async Task The_second_response_comes_from_the_cache_with_Age_and_the_query_varies_it(TestTransport transport)
    {
        var calls = 0;
        await using var client = await StartAsync(
            transport,
            app =>
            {
                app.UseAspNetCore(web => web.UseOutputCache());
                app.MapGet("/count", ([Query] string? q) => new Counted(q, Interlocked.Increment(ref calls))).CacheOutput(p => p.SetVaryByQuery("q"));
                app.MapGet("/named", () => $"named {Interlocked.Increment(ref calls)}").CacheOutput("short");
                app.MapGet("/default", () => $"default {Interlocked.Increment(ref calls)}").CacheOutput();
                app.MapGet("/fresh", () => $"fresh {Interlocked.Increment(ref calls)}");
            },
            builder => builder.Services.AddOutputCache(o => o.AddPolicy("short", p => p.Expire(TimeSpan.FromMinutes(1)))));

        using var first = await client.Client.GetAsync("/count?q=a");
        using var second = await client.Client.GetAsync("/count?q=a");
        using var other = await client.Client.GetAsync("/count?q=b");
        var named = await client.Client.GetStringAsync("/named");
        var namedAgain = await client.Client.GetStringAsync("/named");
        var byDefault = await client.Client.GetStringAsync("/default");
        var byDefaultAgain = await client.Client.GetStringAsync("/default");
        var fresh = await client.Client.GetStringAsync("/fresh");
        var freshAgain = await client.Client.GetStringAsync("/fresh");

        Assert.Equal("{\"q\":\"a\",\"call\":1}", await first.Content.ReadAsStringAsync());
        Assert.Equal("{\"q\":\"a\",\"call\":1}", await second.Content.ReadAsStringAsync());
        Assert.False(first.Headers.Contains("Age"));
        Assert.True(second.Headers.Age.HasValue);
        Assert.Equal("application/json; charset=utf-8", second.Content.Headers.ContentType!.ToString());
        Assert.Equal("{\"q\":\"b\",\"call\":2}", await other.Content.ReadAsStringAsync());
        Assert.Equal(named, namedAgain);
        Assert.Equal(byDefault, byDefaultAgain);
        Assert.NotEqual(fresh, freshAgain);
    }

    [Theory]
    [MemberData(nameof(TestTransports.Data), MemberType = typeof(TestTransports))]
    public async Task Responses_are_compressed_with_gzip_or_brotli_by_Accept_Encoding(TestTransport transport)
    {
        var text = string.Concat(Enumerable.Repeat("Pulya compresses through ASP.NET Core. ", 200));
        await using var client = await StartAsync(
            transport,
            app =>
            {
                app.UseAspNetCore(web => web.UseResponseCompression());
                app.MapGet("/text", () => text);
                app.MapGet("/json", () => new Counted(text, 1));
            },
            builder => builder.Services.AddResponseCompression(o =>
            {
                o.Providers.Add<BrotliCompressionProvider>();
                o.Providers.Add<GzipCompressionProvider>();
            }));

        var gzip = await GetAsync(client, "/text", "gzip");
        var brotli = await GetAsync(client, "/json", "br");
        var identity = await GetAsync(client, "/text", null);

        Assert.Equal("gzip", gzip.Encoding);
        Assert.Equal(text, await Decompress(new GZipStream(new MemoryStream(gzip.Body), CompressionMode.Decompress)));
        Assert.True(gzip.Body.Length < text.Length / 10);
        Assert.Equal("br", brotli.Encoding);
        Assert.Equal($"{{\"q\":\"{text}\",\"call\":1}}", await Decompress(new BrotliStream(new MemoryStream(brotli.Body), CompressionMode.Decompress)));
        Assert.Null(identity.Encoding);
        Assert.Equal(text.Length, identity.Body.Length);
    }

    private static async Task<(string? Encoding, byte[] Body)> GetAsync(PulyaTestClient client, string path, string? encoding)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (encoding is not null)
        {
            request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding));
        }

        using var response = await client.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (response.Content.Headers.ContentEncoding.SingleOrDefault(), await response.Content.ReadAsByteArrayAsync());
    }

    private static async Task<string> Decompress(Stream stream)
    {
        using var reader = new StreamReader(stream);
        return await reader.ReadToEndAsync();
    }

    public sealed record Counted(string? Q, int Call);
}
