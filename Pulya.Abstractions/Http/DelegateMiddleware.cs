namespace Pulya.Http;

/// <summary>Middleware written as a lambda.</summary>
internal sealed class DelegateMiddleware(Func<PulyaRequest, PulyaRequestDelegate, ValueTask<object?>> middleware) : IPulyaMiddleware
{
    public ValueTask<object?> InvokeAsync(PulyaRequest request, PulyaRequestDelegate next) => middleware(request, next);
}
