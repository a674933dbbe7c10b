using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pulya.Hosting;
using Pulya.Testing;

namespace Pulya.OpenApi.Tests;

/// <summary><c>AddOpenApi(o =&gt; …)</c> binds <c>Pulya:OpenApi</c>, then the delegate, and validates the document's name at start-up.</summary>
public sealed class OptionsTests
{
    [Theory]
    [MemberData(nameof(TestTransports.Data), MemberType = typeof(TestTransports))]
    public async Task The_section_names_and_describes_the_document(TestTransport transport)
    {
        await using var client = await PulyaTestClient.StartAsync(transport, app =>
        {
            app.MapGet("/items", () => 1);
            app.MapOpenApi();
        }, builder =>
        {
            builder.Logging.ClearProviders();
            builder.Pulya.AddOpenApi(o => o.Version = "2.0");
        }, "--Pulya:OpenApi:DocumentName=Public", "--Pulya:OpenApi:Title=From configuration", "--Pulya:OpenApi:Version=1.5");

        var (document, _) = await OpenApiTestApp.ReadAsync(client.Client, "/openapi/public.json");

        Assert.Equal("From configuration", document.Info.Title);
        Assert.Equal("2.0", document.Info.Version); // the delegate runs after the section is bound
        Assert.Same(client.Application.GetOpenApiDocument("public"), client.Application.GetOpenApiDocument("PUBLIC"));
    }

    [Fact]
    public async Task A_name_set_in_code_wins_over_the_section()
    {
        await using var client = await PulyaTestClient.StartAsync(TestTransport.TestServer, app =>
        {
            app.MapGet("/items", () => 1);
            app.MapOpenApi();
        }, builder => builder.Pulya.AddOpenApi(o => o.DocumentName = "v2"), "--Pulya:OpenApi:DocumentName=other");

        var (document, _) = await OpenApiTestApp.ReadAsync(client.Client, "/openapi/v2.json");

        Assert.Equal(["/items"], document.Paths.Keys);
    }

    [Theory]
    [InlineData("a b")]
    [InlineData("v1/x")]
    [InlineData("ünï")]
    public async Task A_name_that_is_not_url_safe_stops_the_start_naming_the_key(string name)
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => PulyaTestClient.StartAsync(
            app => app.MapGet("/", () => "x"),
            builder => builder.Pulya.AddOpenApi(),
            "--Pulya:OpenApi:DocumentName=" + name));

        Assert.Equal($"Pulya:OpenApi:DocumentName: '{name}' is not a URL-safe name; use letters, digits, '-', '.', '_' or '~' only.", error.Message);
    }

    [Fact]
    public async Task An_empty_name_stops_the_start_naming_the_key()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => PulyaTestClient.StartAsync(
            app => app.MapGet("/", () => "x"),
            builder => builder.Pulya.AddOpenApi(o => o.DocumentName = "")));

        Assert.Equal("Pulya:OpenApi:DocumentName is empty; name the document (default v1), e.g. v1 or public.", error.Message);
    }

    [Fact]
    public void Valid_names_and_the_section_itself_pass()
    {
        var validator = new Documents.PulyaOpenApiOptionsValidator();

        Assert.True(validator.Validate("document 0", new PulyaOpenApiOptions { DocumentName = "v1.0_beta-2~x" }).Succeeded);
        Assert.True(validator.Validate(Options.DefaultName, new PulyaOpenApiOptions { DocumentName = "" }).Skipped);
    }
}
