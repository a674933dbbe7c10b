using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Pulya.Hosting;
using Pulya.Testing;

namespace Pulya.OpenApi.Tests;

public sealed class ServingTests
{
    [Theory]
    [MemberData(nameof(TestTransports.Data), MemberType = typeof(TestTransports))]
    public async Task Each_registered_document_is_served_at_its_own_url_and_equals_the_one_in_memory(TestTransport transport)
    {
        await using var client = await OpenApiTestApp.StartAsync(transport, app =>
        {
            app.MapGet("/public", () => "p");
            app.MapGet("/internal", () => "i");
            app.MapOpenApi("/docs/{documentName}.json");
        }, builder => builder.Pulya
            .AddOpenApi(o => (o.DocumentName, o.ShouldInclude) = ("Public", r => r.Template.Text == "/public"))
            .AddOpenApi(o => (o.DocumentName, o.Version) = ("public", "3"))
            .AddOpenApi(o => o.DocumentName = "internal"));

        var (v1, json) = await OpenApiTestApp.ReadAsync(client.Client, "/docs/v1.json");
        var (publicDocument, _) = await OpenApiTestApp.ReadAsync(client.Client, "/docs/public.json");
        var (internalDocument, _) = await OpenApiTestApp.ReadAsync(client.Client, "/docs/internal.json");
        using var head = await client.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/docs/v1.json"));

        Assert.Equal(["/internal", "/public"], v1.Paths.Keys.Order());
        Assert.Equal(["/public"], publicDocument.Paths.Keys);
        Assert.Equal("3", publicDocument.Info.Version);
        Assert.Equal(2, internalDocument.Paths.Count);
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Same(client.Application.GetOpenApiDocument(), client.Application.GetOpenApiDocument("V1"));
        Assert.Equal(json, await client.Client.GetStringAsync(new Uri("/docs/v1.json", UriKind.Relative)));
        Assert.Equal(HttpStatusCode.NotFound, (await client.Client.GetAsync(new Uri("/docs/v2.json", UriKind.Relative))).StatusCode);
        var unknown = Assert.Throws<InvalidOperationException>(() => client.Application.GetOpenApiDocument("v2"));
        Assert.Contains("v1, public, internal", unknown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mapping_needs_a_registered_document_and_a_placeholder_for_several()
    {
        var none = PulyaApplication.CreateBuilder([]).Build();
        var error = Assert.Throws<InvalidOperationException>(() => none.MapOpenApi());
        Assert.Contains("AddOpenApi", error.Message, StringComparison.Ordinal);
        Assert.Contains("start the application", Assert.Throws<InvalidOperationException>(() => none.GetOpenApiDocument()).Message, StringComparison.Ordinal);

        var builder = PulyaApplication.CreateBuilder([]);
        builder.Pulya.AddOpenApi().AddOpenApi(o => o.DocumentName = "v2");
        var several = builder.Build();
        Assert.Contains("{documentName}", Assert.Throws<InvalidOperationException>(() => several.MapOpenApi("/openapi.json")).Message, StringComparison.Ordinal);

        var single = PulyaApplication.CreateBuilder([]);
        single.Pulya.AddOpenApi();
        await using var client = await PulyaTestClient.StartAsync(single.UseTestTransport(TestTransport.TestServer).Build().MapOpenApi("/openapi.json"));
        Assert.Equal(HttpStatusCode.OK, (await client.Client.GetAsync(new Uri("/openapi.json", UriKind.Relative))).StatusCode);
        await none.DisposeAsync();
        await several.DisposeAsync();
    }

    [Theory]
    [MemberData(nameof(TestTransports.Data), MemberType = typeof(TestTransports))]
    public async Task Swagger_ui_and_its_files_are_served_by_the_application(TestTransport transport)
    {
        await using var client = await OpenApiTestApp.StartAsync(transport, app =>
        {
            app.MapGet("/items", () => 1);
            app.MapOpenApi();
            app.MapSwaggerUi("/docs/", title: "Items <API>");
        });

        var page = await client.Client.GetAsync(new Uri("/docs", UriKind.Relative));
        var html = await page.Content.ReadAsStringAsync();
        var script = await client.Client.GetStringAsync(new Uri("/docs/index.js", UriKind.Relative));
        var bundle = await client.Client.GetAsync(new Uri("/docs/swagger-ui-bundle.js", UriKind.Relative));
        var css = await client.Client.GetAsync(new Uri("/docs/swagger-ui.css", UriKind.Relative));
        var icon = await client.Client.GetAsync(new Uri("/docs/favicon-32x32.png", UriKind.Relative));
        var license = await client.Client.GetStringAsync(new Uri("/docs/LICENSE", UriKind.Relative));

        Assert.Equal("text/html", page.Content.Headers.ContentType!.MediaType);
        Assert.Contains("<title>Items &lt;API&gt;</title>", html, StringComparison.Ordinal);
        Assert.Contains("src=\"/docs/swagger-ui-bundle.js\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("http", html, StringComparison.Ordinal); // nothing from another site
        Assert.Contains("url: \"/openapi/v1.json\"", script, StringComparison.Ordinal);
        Assert.Contains("validatorUrl: null", script, StringComparison.Ordinal);
        Assert.Equal("text/javascript", bundle.Content.Headers.ContentType!.MediaType);
        Assert.Contains("SwaggerUIBundle", await bundle.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("text/css", css.Content.Headers.ContentType!.MediaType);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], (await icon.Content.ReadAsByteArrayAsync())[..4]);
        Assert.Contains("Apache License", license, StringComparison.Ordinal);
        var (document, _) = await OpenApiTestApp.ReadAsync(client.Client);
        Assert.Equal(["/items"], document.Paths.Keys);
    }
}
