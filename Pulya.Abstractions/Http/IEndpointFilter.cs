namespace Pulya.Http;

/// <summary>
/// Runs around an endpoint's handler, after its arguments are bound: it may inspect or replace arguments, short-circuit
/// with its own result, or post-process the handler's result. Filters are composed once at start-up; an endpoint
/// without filters runs none of this code.
/// </summary>
public interface IEndpointFilter
{
    /// <summary>Runs the filter; call <paramref name="next"/> to continue the chain (the last step calls the handler).</summary>
    /// <param name="context">The request and the bound arguments.</param>
    /// <param name="next">The rest of the chain.</param>
    /// <returns>The result to write, as a handler's result (null for no content).</returns>
    ValueTask<object?> InvokeAsync(EndpointFilterContext context, EndpointFilterDelegate next);
}
