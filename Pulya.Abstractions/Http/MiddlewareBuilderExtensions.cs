namespace Pulya.Http;

/// <summary>Adds middleware written as a lambda.</summary>
public static class MiddlewareBuilderExtensions
{
    /// <summary>
    /// Adds <paramref name="middleware"/>: <c>app.Use(async (request, next) =&gt; { …; var result = await next(request); …; return result; })</c>.
    /// Return without calling <c>next</c> to answer by yourself (<c>return Response.Status(401);</c>).
    /// </summary>
    /// <param name="builder">The application or route group.</param>
    /// <param name="middleware">The middleware: the request and the rest of the pipeline in, the result to write out.</param>
    /// <returns><paramref name="builder"/>, for chaining.</returns>
    public static TBuilder Use<TBuilder>(this TBuilder builder, Func<PulyaRequest, PulyaRequestDelegate, ValueTask<object?>> middleware)
        where TBuilder : IMiddlewareBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(middleware);
        builder.Use(new DelegateMiddleware(middleware));
        return builder;
    }
}
