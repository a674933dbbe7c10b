using Microsoft.OpenApi;
using Pulya.Hosting;
using Pulya.Sample;
using Pulya.Testing;

namespace Pulya.OpenApi.Tests;

public sealed class SampleDocumentTests
{
    [Theory]
    [MemberData(nameof(TestTransports.Data), MemberType = typeof(TestTransports))]
    public async Task The_sample_serves_a_valid_document_listing_every_route(TestTransport transport)
    {
        await using var client = await StartSampleAsync(transport, app =>
        {
            SampleApp.UseAspNetCore(app);
            SampleApp.MapRoutes(app);
            SampleApp.MapApi(app);
        });

        var (document, _) = await OpenApiTestApp.ReadAsync(client.Client);

        Assert.Equal("Pulya sample", document.Info.Title);
        Assert.Equal(SampleApp.DynamicRouteCount + 14, document.Paths.Count); // the documentation's own routes are not listed
        Assert.DoesNotContain(document.Paths.Keys, p => p.StartsWith("/openapi", StringComparison.Ordinal) || p.StartsWith("/swagger", StringComparison.Ordinal));
        var getUser = document.Paths["/api/users/{id}"].Operations![HttpMethod.Get];
        Assert.Equal("GetApiUser", getUser.OperationId);
        Assert.Equal("A user by id", getUser.Summary);
        Assert.Equal(["users"], getUser.Tags!.Select(t => t.Name));
        Assert.Equal("Bearer", Assert.Single(Assert.Single(getUser.Security!).Keys).Reference.Id);
        Assert.Equal(["200", "400", "401", "403", "404", "406"], getUser.Responses!.Keys.Order(StringComparer.Ordinal));
        var id = Assert.Single(getUser.Parameters!);
        Assert.Equal((ParameterLocation.Path, true, JsonSchemaType.Integer, "int32"), (id.In!.Value, id.Required, id.Schema!.Type!.Value, id.Schema.Format));
        Assert.Equal(SecuritySchemeType.Http, document.Components!.SecuritySchemes!["Bearer"].Type);
        Assert.Equal("bearer", document.Components.SecuritySchemes["Bearer"].Scheme);
    }

    [Theory]
    [MemberData(nameof(TestTransports.Data), MemberType = typeof(TestTransports))]
    public async Task The_github_route_set_gives_a_valid_document(TestTransport transport)
    {
        await using var client = await StartSampleAsync(transport, GitHubRoutes.Map);

        var (document, _) = await OpenApiTestApp.ReadAsync(client.Client);

        var routes = GitHubRoutes.Read(GitHubRoutes.DefaultFile);
        Assert.Equal(routes.Count, document.Paths.Sum(p => p.Value.Operations!.Count));
        Assert.Equal(routes.Select(r => r.Template).Distinct().Count(), document.Paths.Count);
    }

    private static Task<PulyaTestClient> StartSampleAsync(TestTransport transport, Action<PulyaApplication> map)
    {
        var builder = PulyaApplication.CreateBuilder([]).UseTestTransport(transport);
        SampleApp.ConfigureServices(builder);
        var app = builder.Build();
        map(app);
        SampleApp.MapDocumentation(app);
        return PulyaTestClient.StartAsync(app);
    }
}
