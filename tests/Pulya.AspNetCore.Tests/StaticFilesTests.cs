using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Pulya.Testing;
using static Pulya.AspNetCore.Tests.BridgeApp;

namespace Pulya.AspNetCore.Tests;

public sealed class StaticFilesTests
{
    [Theory]
    [MemberData(nameof(TestTransports.Data), MemberType = typeof(TestTransports))]
    public async Task Files_of_wwwroot_are_served_with_ETag_304_and_ranges_and_routes_and_404_stay_Pulyas(TestTransport transport)
    {
        await using var client = await StartAsync(transport, app =>
        {
            app.UseAspNetCore(web => web.UseStaticFiles());
            app.MapGet("/api/hello", () => "route");
        });

        using var file = await client.Client.GetAsync("/hello.txt");
        var etag = file.Headers.ETag!;
        using var conditional = new HttpRequestMessage(HttpMethod.Get, "/hello.txt") { Headers = { IfNoneMatch = { etag } } };
        using var notModified = await client.Client.SendAsync(conditional);
        using var ranged = new HttpRequestMessage(HttpMethod.Get, "/hello.txt") { Headers = { Range = new RangeHeaderValue(0, 4) } };
        using var partial = await client.Client.SendAsync(ranged);
        using var missing = await client.Client.GetAsync("/missing.txt");

        Assert.Equal("hello from static files\n", await file.Content.ReadAsStringAsync());
        Assert.Equal("text/plain", file.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Equal(HttpStatusCode.PartialContent, partial.StatusCode);
        Assert.Equal("hello", await partial.Content.ReadAsStringAsync());
        Assert.Equal("route", await client.Client.GetStringAsync("/api/hello"));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("{\"error\":\"Not found.\"}", await missing.Content.ReadAsStringAsync());
    }
}
