using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using Pulya.Binding;
using Pulya.Http;
using Pulya.Routing;

namespace Pulya.Pipeline;

/// <summary>
/// The pipeline when the application has middleware (application or group): the same steps, but each step's outcome,
/// errors of the error table included, is a result that middleware sees and may replace; it is written once, after the
/// outermost middleware returned. Without middleware none of this runs.
/// </summary>
internal sealed partial class PulyaHttpApplication
{
    private Dictionary<RouteEntry, PulyaRequestDelegate>? _groupMiddleware;

    /// <summary>Composes the middleware once; null when there is none (the pipeline then runs as if this file did not exist).</summary>
    private PulyaRequestDelegate? ComposeMiddleware(PipelineMiddleware? middleware)
    {
        if (middleware is null || (middleware.Application.Count == 0 && middleware.Groups.Count == 0))
        {
            return null;
        }

        if (middleware.Groups.Count > 0)
        {
            // By route entry, not endpoint: one binding can serve several routes (a generated binding mapped in a loop).
            _groupMiddleware = new Dictionary<RouteEntry, PulyaRequestDelegate>(ReferenceEqualityComparer.Instance);
            foreach (var (entry, chain) in middleware.Groups)
            {
                var endpoint = (EndpointBinding)entry.Endpoint!;
                _groupMiddleware[entry] = Chain(chain, request => EndpointResultAsync((PulyaContext)request, endpoint));
            }
        }

        return Chain(middleware.Application, RouteResultAsync);
    }

    private static PulyaRequestDelegate Chain(IReadOnlyList<IPulyaMiddleware> middleware, PulyaRequestDelegate terminal)
    {
        var next = terminal;
        for (var i = middleware.Count - 1; i >= 0; i--)
        {
            var current = middleware[i];
            var inner = next;
            next = request => current.InvokeAsync(request, inner);
        }

        return next;
    }

    private async Task ProcessWithMiddlewareAsync(PulyaContext context)
    {
        try
        {
            var result = await _middleware!(context);
            await WriteResultAsync(context, result);
        }
        catch (Exception ex)
        {
            // Thrown by middleware (or by writing its result): the error table, as for a handler.
            Fail(context, ex);
        }
    }

    /// <summary>The innermost step of application middleware: routing, then the endpoint (through its groups' middleware).</summary>
    private ValueTask<object?> RouteResultAsync(PulyaRequest request)
    {
        var context = (PulyaContext)request;
        var match = _services.Router.Match(context.Method, context.Path, context.RouteValues);
        switch (match.Kind)
        {
            case RouteMatchKind.Found:
                context.MatchedRoute = match.Route;
                return _groupMiddleware is not null && _groupMiddleware.TryGetValue(match.Route!, out var chain)
                    ? chain(context)
                    : EndpointResultAsync(context, (EndpointBinding)match.Route!.Endpoint!);
            case RouteMatchKind.MethodNotAllowed:
                _metrics?.Unmatched(context.Method, StatusCodes.Status405MethodNotAllowed);
                return new(ErrorResult(StatusCodes.Status405MethodNotAllowed, ErrorResponses.MethodNotAllowed)
                    .WithHeader(HeaderNames.Allow, match.Allowed!.HeaderValue));
            default:
                _metrics?.Unmatched(context.Method, StatusCodes.Status404NotFound);
                return new(ErrorResult(StatusCodes.Status404NotFound, ErrorResponses.NotFound));
        }
    }

    /// <summary>Body, binding, filters and handler, with failures turned into error results; an aborted request still throws.</summary>
    private async ValueTask<object?> EndpointResultAsync(PulyaContext context, EndpointBinding endpoint)
    {
        try
        {
            if (NotAcceptable(context, endpoint, out _))
            {
                return ErrorResult(StatusCodes.Status406NotAcceptable, ErrorResponses.NotAcceptable);
            }

            if (endpoint.BodyType is not null && await ReadBodyAsync(context, endpoint) is var status and not 0)
            {
                return ErrorResult(status, ErrorResponses.ForBodyStatus(status, endpoint.BodyType, _services.Serializers));
            }

            return await endpoint.Invoke(context);
        }
        catch (Exception ex) when (TryMapFailure(context, ex, out var status, out var body))
        {
            return ErrorResult(status, body);
        }
    }

    /// <summary>An error of the error table as a result: the same status, content type and body as written directly.</summary>
    private static Response ErrorResult(int status, byte[] body) => Response.Bytes(body, ErrorResponses.JsonContentType, status);
}
