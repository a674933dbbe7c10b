using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Pulya.Http;

namespace Pulya.Abstractions.Tests.Http;

public sealed class EndpointMetadataBuilderExtensionsTests
{
    [Fact]
    public void Each_method_adds_aspnetcore_metadata_in_order_and_returns_the_builder()
    {
        var builder = new RecordingBuilder();

        var returned = builder
            .WithName("GetUser")
            .WithSummary("summary")
            .WithDescription("description")
            .WithTags("a", "b")
            .Produces(201, typeof(string), "text/plain", "text/csv")
            .Produces(204)
            .ProducesProblem(409)
            .ProducesProblem(500, "application/custom+json")
            .ExcludeFromDescription();

        Assert.Same(builder, returned);
        Assert.Equal("GetUser", Assert.IsType<EndpointNameMetadata>(builder.Items[0]).EndpointName);
        Assert.Equal("summary", Assert.IsType<EndpointSummaryAttribute>(builder.Items[1]).Summary);
        Assert.Equal("description", Assert.IsType<EndpointDescriptionAttribute>(builder.Items[2]).Description);
        Assert.Equal(["a", "b"], Assert.IsType<TagsAttribute>(builder.Items[3]).Tags);
        var produces = builder.Items.OfType<IProducesResponseTypeMetadata>().ToList();
        Assert.Equal([(201, typeof(string)), (204, null), (409, typeof(ProblemDetails)), (500, typeof(ProblemDetails))], produces.Select(p => (p.StatusCode, p.Type)));
        Assert.Equal(["text/plain", "text/csv"], produces[0].ContentTypes);
        Assert.Empty(produces[1].ContentTypes);
        Assert.Equal(["application/problem+json"], produces[2].ContentTypes);
        Assert.Equal(["application/custom+json"], produces[3].ContentTypes);
        Assert.True(Assert.IsType<ExcludeFromDescriptionAttribute>(builder.Items[^1]).ExcludeFromDescription);
    }

    [Fact]
    public void Arguments_are_checked()
    {
        var builder = new RecordingBuilder();
        Assert.Throws<ArgumentException>(() => builder.WithName(""));
        Assert.Throws<ArgumentNullException>(() => builder.WithSummary(null!));
        Assert.Throws<ArgumentNullException>(() => builder.WithDescription(null!));
        Assert.Throws<ArgumentNullException>(() => builder.WithTags(null!));
        Assert.Throws<ArgumentNullException>(() => builder.Produces(200, null, null, null!));
        Assert.Throws<ArgumentNullException>(() => ((RecordingBuilder)null!).ExcludeFromDescription());
        Assert.Empty(builder.Items);
    }

    [Fact]
    public void An_authentication_requirement_names_its_scheme()
    {
        Assert.Equal("Bearer", new AuthenticationRequirement("Bearer").Scheme);
        Assert.Throws<ArgumentException>(() => new AuthenticationRequirement(" "));
    }

    private sealed class RecordingBuilder : IEndpointMetadataBuilder
    {
        public List<object> Items { get; } = [];

        public IEndpointMetadataBuilder WithMetadata(params object[] items)
        {
            Items.AddRange(items);
            return this;
        }
    }
}
