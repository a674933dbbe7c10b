using Pulya.Http;

namespace Pulya.Abstractions.Tests.Http;

public sealed class MiddlewareContractTests
{
    [Fact]
    public async Task A_lambda_middleware_is_added_to_the_builder_and_runs_with_the_request_and_the_rest_of_the_pipeline()
    {
        var builder = new Builder();
        var request = new StubRequest();

        var returned = builder.Use(async (r, next) => $"[{await next(r)}]");
        var result = await Assert.Single(builder.Middleware).InvokeAsync(request, r => new ValueTask<object?>(r.Path));

        Assert.Same(builder, returned);
        Assert.Equal("[/]", result);
        Assert.Throws<ArgumentNullException>(() => builder.Use((Func<PulyaRequest, PulyaRequestDelegate, ValueTask<object?>>)null!));
        Assert.Throws<ArgumentNullException>(() => ((Builder)null!).Use((r, next) => next(r)));
    }

    [Fact]
    public async Task A_lambda_filter_is_added_to_the_builder_and_runs_with_the_context_and_the_rest_of_the_chain()
    {
        var builder = new Builder();
        var context = new EndpointFilterContext(new StubRequest(), new object?[] { 1 });

        var returned = builder.AddEndpointFilter(async (c, next) => (int)(await next(c))! + 1);
        var result = await Assert.Single(builder.Filters).InvokeAsync(context, c => new ValueTask<object?>(c.Arguments[0]));

        Assert.Same(builder, returned);
        Assert.Equal(2, result);
        Assert.Throws<ArgumentNullException>(() => builder.AddEndpointFilter((Func<EndpointFilterContext, EndpointFilterDelegate, ValueTask<object?>>)null!));
        Assert.Throws<ArgumentNullException>(() => ((Builder)null!).AddEndpointFilter((c, next) => next(c)));
    }

    [Fact]
    public void Any_result_becomes_a_response_that_writes_the_same()
    {
        var existing = Response.Text("x", 201);
        var bytes = new byte[] { 1 };

        Assert.Same(existing, Response.From(existing));
        Assert.Equal(204, Response.From(null).StatusCode);
        Assert.Null(Response.From(null).Content);
        Assert.Equal((200, (object)"text"), (Response.From("text").StatusCode, Response.From("text").Content!));
        Assert.Same(bytes, Response.From(bytes).Content);
        Assert.Null(Response.From(bytes).ContentType);
    }

    private sealed class Builder : IMiddlewareBuilder, IEndpointFilterBuilder
    {
        public List<IPulyaMiddleware> Middleware { get; } = [];

        public List<IEndpointFilter> Filters { get; } = [];

        public IServiceProvider Services => throw new NotSupportedException();

        public IMiddlewareBuilder Use(IPulyaMiddleware middleware)
        {
            Middleware.Add(middleware);
            return this;
        }

        public IEndpointFilterBuilder AddEndpointFilter(IEndpointFilter filter)
        {
            Filters.Add(filter);
            return this;
        }
    }
}
