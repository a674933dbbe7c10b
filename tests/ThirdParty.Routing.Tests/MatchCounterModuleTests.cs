using System.Net;
using System.Xml.Linq;
using Microsoft.Extensions.DependencyInjection;
using Pulya.Testing;

namespace ThirdParty.Routing.Tests;

/// <summary>A module written against Pulya.Abstractions only: registered by name, switched on by configuration.</summary>
public sealed class MatchCounterModuleTests
{
    [Theory]
    [MemberData(nameof(TestTransports.Data), MemberType = typeof(TestTransports))]
    public async Task Switched_on_by_configuration_it_wraps_the_selected_router_and_counts(TestTransport transport)
    {
        await using var client = await PulyaTestClient.StartAsync(
            transport,
            app => app.MapGet("/items/{id:int}", (int id) => id),
            builder => builder.Pulya.AddMatchCounter().AddMatchCounter(),
            "--Pulya:MatchCounter:Enabled=true");

        Assert.Equal("7", await client.Client.GetStringAsync(new Uri("/items/7", UriKind.Relative)));
        using var missing = await client.Client.GetAsync(new Uri("/nothing", UriKind.Relative));
        using var wrongMethod = await client.Client.DeleteAsync(new Uri("/items/7", UriKind.Relative));

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.MethodNotAllowed), (missing.StatusCode, wrongMethod.StatusCode));
        var router = Assert.IsType<CountingRouter>(client.Application.Router);
        Assert.IsType<Pulya.Routing.LinearRouter>(router.Inner);
        var counts = client.Application.Services.GetRequiredService<MatchCounts>();
        Assert.Equal((1, 1, 1), (counts.Found, counts.NotFound, counts.MethodNotAllowed));
    }

    [Fact]
    public async Task Off_by_default_the_router_is_left_alone()
    {
        await using var client = await PulyaTestClient.StartAsync(app => app.MapGet("/", () => "x"), builder => builder.Pulya.AddMatchCounter());

        Assert.Equal("x", await client.Client.GetStringAsync(new Uri("/", UriKind.Relative)));
        Assert.IsNotType<CountingRouter>(client.Application.Router);
    }

    [Fact]
    public async Task Switched_on_without_the_module_the_start_fails_naming_the_section()
    {
        var error = await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(() => PulyaTestClient.StartAsync(
            app => app.MapGet("/", () => "x"), null, "--Pulya:MatchCounter:Enabled=true"));

        Assert.Contains("Pulya:MatchCounter:Enabled: 'true' but no registered module reads the section 'Pulya:MatchCounter'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_module_references_only_Pulya_Abstractions()
    {
        var project = XDocument.Load(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "ThirdParty.Routing", "ThirdParty.Routing.csproj"));

        Assert.Equal(["Pulya.Abstractions.csproj"], project.Descendants("ProjectReference").Select(r => Path.GetFileName(r.Attribute("Include")!.Value)));
        Assert.DoesNotContain(typeof(CountingRouter).Assembly.GetReferencedAssemblies(), a => a.Name == "Pulya");
    }

    [Fact]
    public void A_null_builder_is_refused()
    {
        Assert.Throws<ArgumentNullException>(() => MatchCounterPulyaBuilderExtensions.AddMatchCounter(null!));
    }
}
