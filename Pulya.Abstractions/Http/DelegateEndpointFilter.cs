namespace Pulya.Http;

/// <summary>An endpoint filter written as a lambda.</summary>
internal sealed class DelegateEndpointFilter(Func<EndpointFilterContext, EndpointFilterDelegate, ValueTask<object?>> filter) : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterContext context, EndpointFilterDelegate next) => filter(context, next);
}
