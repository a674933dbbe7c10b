namespace Pulya.Http;

/// <summary>Adds endpoint filters written as lambdas.</summary>
public static class EndpointFilterBuilderExtensions
{
    /// <summary>
    /// Adds <paramref name="filter"/>: <c>route.AddEndpointFilter(async (context, next) =&gt; { …; return await next(context); })</c>.
    /// It sees <see cref="EndpointFilterContext.Arguments"/> as bound, may change them, return its own result without
    /// calling <c>next</c>, or replace the result.
    /// </summary>
    /// <param name="builder">The route or route group.</param>
    /// <param name="filter">The filter: the request and arguments and the rest of the chain in, the result out.</param>
    /// <returns><paramref name="builder"/>, for chaining.</returns>
    public static TBuilder AddEndpointFilter<TBuilder>(this TBuilder builder, Func<EndpointFilterContext, EndpointFilterDelegate, ValueTask<object?>> filter)
        where TBuilder : IEndpointFilterBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(filter);
        builder.AddEndpointFilter(new DelegateEndpointFilter(filter));
        return builder;
    }
}
