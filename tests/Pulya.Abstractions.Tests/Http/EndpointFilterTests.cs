using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Primitives;
using Pulya.Http;
using Pulya.Routing;

namespace Pulya.Abstractions.Tests.Http;

public sealed class EndpointFilterTests
{
    [Fact]
    public async Task A_filter_sees_the_request_and_can_replace_arguments_before_the_handler()
    {
        var request = new StubRequest();
        var context = new EndpointFilterContext(request, new object?[] { "a", 2 });
        IEndpointFilter filter = new Doubling();
        EndpointFilterDelegate handler = c => new ValueTask<object?>($"{c.Arguments[0]}:{c.Arguments[1]}");

        var result = await filter.InvokeAsync(context, handler);

        Assert.Equal("a:4", result);
        Assert.Same(request, context.Request);
        Assert.Throws<ArgumentNullException>(() => new EndpointFilterContext(null!, []));
        Assert.Throws<ArgumentNullException>(() => new EndpointFilterContext(request, null!));
    }

    private sealed class Doubling : IEndpointFilter
    {
        public ValueTask<object?> InvokeAsync(EndpointFilterContext context, EndpointFilterDelegate next)
        {
            context.Arguments[1] = (int)context.Arguments[1]! * 2;
            return next(context);
        }
    }

    private sealed class StubRequest : PulyaRequest
    {
        public override string Method => "GET";

        public override string Path => "/";

        public override string QueryString => "";

        public override Headers Headers => throw new NotSupportedException();

        public override RouteEntry? Route => null;

        public override IServiceProvider Services => throw new NotSupportedException();

        public override IDictionary<object, object?> Items => throw new NotSupportedException();

        public override CancellationToken RequestAborted => CancellationToken.None;

        public override IFeatureCollection Features => throw new NotSupportedException();

        public override string? GetRouteValue(string name) => null;

        public override StringValues GetQuery(string name) => StringValues.Empty;
    }
}
