using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Pulya.Hosting;
using Pulya.Http;
using Pulya.Routing;
using Pulya.Tests.Shared.Models;
using static Pulya.Tests.TestApp;

namespace Pulya.Tests.Routing;

public sealed class EndpointMetadataTests
{
    [Fact]
    public async Task Group_metadata_comes_before_the_routes_own_outermost_group_first_after_the_handler_and_its_attributes()
    {
        await using var client = await StartAsync(app =>
        {
            var outer = app.MapGroup("/api").WithTags("outer").WithMetadata("outer-item");
            var inner = outer.MapGroup("/v1").WithTags("inner");
            inner.MapGet("/users/{id:int}", [EndpointSummary("from attribute")] (int id) => id)
                .WithName("GetUser")
                .WithSummary("Gets a user")
                .WithDescription("Long text")
                .WithMetadata("route-item");
        });

        var route = client.Application.Router!.Table.Routes.Single(r => r.Method == "GET");
        // This project references Pulya.OpenApi (through the sample): the generated interceptor adds the handler's OpenAPI
        // description as the route's first own item. The order of the others is the subject here.
        Assert.Single(route.Metadata.OfType<Pulya.OpenApi.Generated.GeneratedOperation>());
        var metadata = route.Metadata.Where(m => m is not Pulya.OpenApi.Generated.GeneratedOperation).ToList();

        Assert.IsAssignableFrom<MethodInfo>(metadata[0]);
        Assert.Equal("from attribute", Assert.IsType<EndpointSummaryAttribute>(metadata[1]).Summary);
        Assert.Equal(["outer"], Assert.IsType<TagsAttribute>(metadata[2]).Tags);
        Assert.Equal("outer-item", metadata[3]);
        Assert.Equal(["inner"], Assert.IsType<TagsAttribute>(metadata[4]).Tags);
        Assert.Equal("GetUser", Assert.IsType<EndpointNameMetadata>(metadata[5]).EndpointName);
        Assert.Equal("Gets a user", Assert.IsType<EndpointSummaryAttribute>(metadata[6]).Summary);
        Assert.Equal("Long text", Assert.IsType<EndpointDescriptionAttribute>(metadata[7]).Description);
        Assert.Equal("route-item", metadata[8]);
        Assert.Equal(9, metadata.Count);
        Assert.Equal(route.Metadata, client.Application.Router.Table.Routes.Single(r => r.Method == "HEAD").Metadata);
        Assert.Throws<NotSupportedException>(() => ((IList<object>)route.Metadata).Add("late"));
    }

    [Fact]
    public async Task Produces_and_exclusion_use_aspnetcore_metadata_types()
    {
        await using var client = await StartAsync(app =>
        {
            var group = app.MapGroup("/items").ProducesProblem(StatusCodes.Status500InternalServerError).Produces<NumberedItem>(201);
            group.MapPost("/", ([Body] NumberedItem item) => item)
                .Produces<NumberedItem>(StatusCodes.Status202Accepted, "application/json", "application/x-msgpack")
                .Produces(StatusCodes.Status204NoContent)
                .ProducesProblem(StatusCodes.Status409Conflict, "application/custom+json");
            app.MapGet("/hidden", () => "x").ExcludeFromDescription();
        });

        var produces = client.Application.Router!.Table.Routes.Single(r => r.Method == "POST").Metadata.OfType<IProducesResponseTypeMetadata>().ToList();
        Assert.Equal([500, 201, 202, 204, 409], produces.Select(p => p.StatusCode));
        Assert.Equal(typeof(ProblemDetails), produces[0].Type);
        Assert.Equal(["application/problem+json"], produces[0].ContentTypes);
        Assert.Equal(typeof(NumberedItem), produces[1].Type);
        Assert.Empty(produces[1].ContentTypes);
        Assert.Equal(["application/json", "application/x-msgpack"], produces[2].ContentTypes);
        Assert.Null(produces[3].Type);
        Assert.Equal(["application/custom+json"], produces[4].ContentTypes);
        Assert.Contains(client.Application.Router.Table.Routes.Single(r => r.Method == "GET").Metadata, m => m is IExcludeFromDescriptionMetadata { ExcludeFromDescription: true });
    }

    [Fact]
    public async Task Metadata_cannot_be_null_nor_be_added_after_start()
    {
        RouteHandlerBuilder? route = null;
        RouteGroup? group = null;
        await using var client = await StartAsync(app =>
        {
            var g = group = app.MapGroup("/g");
            var r = route = app.MapGet("/", () => "x");
            Assert.Throws<ArgumentException>(() => r.WithMetadata("a", null!));
            Assert.Throws<ArgumentNullException>(() => g.WithMetadata(null!));
            Assert.Throws<ArgumentException>(() => r.WithName(" "));
            Assert.Throws<ArgumentNullException>(() => r.WithTags(null!));
            Assert.Throws<ArgumentNullException>(() => r.WithSummary(null!));
            Assert.Throws<ArgumentNullException>(() => r.WithDescription(null!));
            Assert.Throws<ArgumentNullException>(() => r.Produces(200, null, null, null!));
            Assert.Throws<ArgumentNullException>(() => ((RouteGroup)null!).ExcludeFromDescription());
        });

        Assert.Throws<InvalidOperationException>(() => route!.WithMetadata("late"));
        Assert.Throws<InvalidOperationException>(() => group!.WithTags("late"));
        var metadata = client.Application.Router!.Table.Routes[0].Metadata;
        Assert.IsAssignableFrom<MethodInfo>(metadata[0]);
        Assert.DoesNotContain("late", metadata);
    }

    [Fact]
    public void A_route_entry_without_metadata_has_an_empty_list()
    {
        Assert.Empty(new RouteEntry("GET", RouteTemplate.Parse("/")).Metadata);
    }
}
