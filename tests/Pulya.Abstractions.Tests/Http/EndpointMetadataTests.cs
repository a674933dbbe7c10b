using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Pulya.Http;

namespace Pulya.Abstractions.Tests.Http;

/// <summary>The metadata conventions add ASP.NET Core's own metadata objects, in order, through any metadata builder.</summary>
public sealed class EndpointMetadataTests
{
    private sealed class Collector : IEndpointMetadataBuilder
    {
        public List<object> Items { get; } = [];

        public IEndpointMetadataBuilder WithMetadata(params object[] items)
        {
            Items.AddRange(items);
            return this;
        }
    }

    [Fact]
    public void Each_convention_adds_the_metadata_Minimal_APIs_adds()
    {
        var route = new Collector()
            .WithName("getUser")
            .WithSummary("Gets a user")
            .WithDescription("By id.")
            .WithTags("users", "public")
            .Produces(200, typeof(string), "text/plain", "text/csv")
            .Produces(204)
            .ProducesProblem(404)
            .ProducesProblem(500, "application/json")
            .ExcludeFromDescription();

        Assert.Equal("getUser", Assert.IsType<EndpointNameMetadata>(route.Items[0]).EndpointName);
        Assert.Equal("Gets a user", Assert.IsType<EndpointSummaryAttribute>(route.Items[1]).Summary);
        Assert.Equal("By id.", Assert.IsType<EndpointDescriptionAttribute>(route.Items[2]).Description);
        Assert.Equal(["users", "public"], Assert.IsType<TagsAttribute>(route.Items[3]).Tags);
        var ok = Assert.IsAssignableFrom<IProducesResponseTypeMetadata>(route.Items[4]);
        Assert.Equal((200, typeof(string)), (ok.StatusCode, ok.Type));
        Assert.Equal(["text/plain", "text/csv"], ok.ContentTypes);
        var empty = Assert.IsAssignableFrom<IProducesResponseTypeMetadata>(route.Items[5]);
        Assert.Equal((204, null), (empty.StatusCode, empty.Type));
        Assert.Empty(empty.ContentTypes);
        var problem = Assert.IsAssignableFrom<IProducesResponseTypeMetadata>(route.Items[6]);
        Assert.Equal((404, typeof(ProblemDetails)), (problem.StatusCode, problem.Type));
        Assert.Equal(["application/problem+json"], problem.ContentTypes);
        Assert.Equal(["application/json"], Assert.IsAssignableFrom<IProducesResponseTypeMetadata>(route.Items[7]).ContentTypes);
        Assert.IsType<ExcludeFromDescriptionAttribute>(route.Items[8]);
    }

    [Fact]
    public void Conventions_refuse_missing_arguments()
    {
        var route = new Collector();

        Assert.Throws<ArgumentException>(() => route.WithName(" "));
        Assert.Throws<ArgumentNullException>(() => route.WithSummary(null!));
        Assert.Throws<ArgumentNullException>(() => route.WithDescription(null!));
        Assert.Throws<ArgumentNullException>(() => route.WithTags(null!));
        Assert.Throws<ArgumentNullException>(() => route.Produces(200, null, null, null!));
        Assert.Throws<ArgumentNullException>(() => ((Collector)null!).ExcludeFromDescription());
    }

    [Fact]
    public void An_authentication_requirement_names_its_scheme()
    {
        Assert.Equal("Bearer", new AuthenticationRequirement("Bearer").Scheme);
        Assert.Throws<ArgumentException>(() => new AuthenticationRequirement(""));
    }
}
