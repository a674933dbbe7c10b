using Pulya.Http;

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
}
