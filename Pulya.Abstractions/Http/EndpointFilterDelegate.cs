namespace Pulya.Http;

/// <summary>The rest of an endpoint filter chain; the last step calls the handler with <see cref="EndpointFilterContext.Arguments"/>.</summary>
/// <param name="context">The request and the bound arguments.</param>
/// <returns>The result to write, as a handler's result (null for no content).</returns>
public delegate ValueTask<object?> EndpointFilterDelegate(EndpointFilterContext context);
