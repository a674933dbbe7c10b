using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Pulya.Hosting;
using Pulya.OpenApi.TestApp;
using Pulya.Testing;

namespace Pulya.OpenApi.Tests;

/// <summary>
/// <c>&lt;PulyaOpenApiDocumentPath&gt;</c>: building tests/Pulya.OpenApi.TestApp (a reference of this project) ran the built
/// application with <c>Pulya:OpenApi:DocumentPath</c>, which wrote its document; the file is the document it serves.
/// </summary>
public sealed class BuildTimeDocumentTests
{
    private static string BuiltDocument => typeof(BuildTimeDocumentTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "PulyaOpenApiTestAppDocument").Value!;

    [Theory]
    [MemberData(nameof(TestTransports.Data), MemberType = typeof(TestTransports))]
    public async Task The_document_written_by_the_build_is_the_served_document(TestTransport transport)
    {
        var written = await File.ReadAllTextAsync(BuiltDocument);
        var builder = PulyaApplication.CreateBuilder([]).UseTestTransport(transport);
        builder.Logging.ClearProviders();
        BuildTimeApp.ConfigureServices(builder);
        var app = builder.Build();
        BuildTimeApp.Map(app);
        await using var client = await PulyaTestClient.StartAsync(app);

        var (document, served) = await OpenApiTestApp.ReadAsync(client.Client);

        GeneratedDocumentTests.AssertSameJson(served, written);
        Assert.Equal("Notes", document.Info.Title);
        Assert.Equal(["/notes", "/notes/{id}", "/search"], document.Paths.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task With_a_document_path_the_started_application_writes_the_document_and_stops()
    {
        var path = Path.Combine(Path.GetTempPath(), "pulya-openapi-" + Guid.NewGuid().ToString("N"), "docs", "notes.json");
        try
        {
            var (stopped, _) = await StartAsync(path, "V1");

            Assert.True(stopped);
            GeneratedDocumentTests.AssertSameJson(await File.ReadAllTextAsync(BuiltDocument), await File.ReadAllTextAsync(path));
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(Path.GetDirectoryName(path))!, recursive: true);
        }
    }

    [Fact]
    public async Task A_document_that_cannot_be_written_stops_the_application_with_exit_code_1()
    {
        var file = Path.GetTempFileName();
        try
        {
            var (stopped, _) = await StartAsync(Path.Combine(file, "v1.json"), null); // under a file: no such directory can exist

            Assert.True(stopped);
            Assert.Equal(1, Environment.ExitCode);
        }
        finally
        {
            Environment.ExitCode = 0;
            File.Delete(file);
        }
    }

    [Fact]
    public void A_document_name_that_is_not_registered_is_refused_when_mapped()
    {
        // The document is named in code, so the configured name only chooses which document to write.
        var builder = PulyaApplication.CreateBuilder(["--Pulya:OpenApi:DocumentPath=x.json", "--Pulya:OpenApi:DocumentName=public"]);
        builder.Pulya.AddOpenApi(o => o.DocumentName = "v1");
        var app = builder.Build();

        var error = Assert.Throws<InvalidOperationException>(() => BuildTimeApp.Map(app));

        Assert.Equal("Pulya:OpenApi:DocumentName is 'public', but no OpenAPI document has that name; registered: v1.", error.Message);
    }

    private static async Task<(bool Stopped, PulyaApplication App)> StartAsync(string path, string? name)
    {
        var builder = PulyaApplication.CreateBuilder([]).UseTestTransport(TestTransport.TestServer);
        builder.Logging.ClearProviders();
        builder.Configuration["Pulya:OpenApi:DocumentPath"] = path;
        builder.Configuration["Pulya:OpenApi:DocumentName"] = name;
        BuildTimeApp.ConfigureServices(builder);
        var app = builder.Build();
        BuildTimeApp.Map(app);
        var stopping = app.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        await using var client = await PulyaTestClient.StartAsync(app);
        return (stopping.IsCancellationRequested, app);
    }
}
