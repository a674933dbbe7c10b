using System.Buffers;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using Microsoft.Net.Http.Headers;
using Pulya.Binding;
using Pulya.Diagnostics;
using Pulya.Forms;
using Pulya.Http;
using Pulya.Pooling;
using Pulya.Results;
using Pulya.Routing;
using Pulya.Serialization;

namespace Pulya.Pipeline;

/// <summary>
/// Pulya's request pipeline as Kestrel's <see cref="IHttpApplication{TContext}"/>, written once and composed at start-up
/// from stages: application middleware, the route stage (match, 404/405 from pre-encoded bodies), per route the
/// middleware of its groups and its own, then the endpoint stage (406 decision, body read under the size limit, binding,
/// filters, handler) and the result writer, with the error table in docs/architecture.md. A stage the application does
/// not use is absent: with no middleware around an endpoint, its stage writes the response itself and an error is written
/// directly; with middleware, every outcome (errors included) is a result the middleware sees, written once at the end
/// with the format the endpoint stage negotiated.
/// </summary>
internal sealed partial class PulyaHttpApplication : IHttpApplication<PulyaContext>
{
    /// <summary>The outcome of a stage that has written the response itself (nothing wraps it).</summary>
    private static readonly object Written = new();

    private readonly PipelineServices _services;
    private readonly IRequestPool<PulyaContext> _pool;
    private readonly ILogger _logger;
    private readonly PulyaTelemetry? _telemetry;
    private readonly Func<PulyaContext, Task> _process;

    /// <summary>Completed when the server is ready; null once it is (and for an application that was never held).</summary>
    private volatile TaskCompletionSource? _held;

    /// <summary>Application middleware around the route stage; null when the application has none.</summary>
    private readonly PulyaRequestDelegate? _application;

    /// <summary>Routed middleware around the rest of the pipeline, after the match; null when the application has none.</summary>
    private readonly Func<PulyaRequest, Task>? _routed;

    /// <summary>Per route entry (by <see cref="RouteEntry.Order"/>), its endpoint and the middleware chain around it.</summary>
    private readonly RouteStage[] _routes;

    /// <summary>The first buffer rented for a request body; it doubles as bytes arrive.</summary>
    private const int InitialBodyBufferSize = 4096;

    public PulyaHttpApplication(PipelineServices services, IRequestPoolProvider pools, PulyaTelemetry? telemetry = null, PipelineMiddleware? middleware = null)
    {
        _services = services;
        _telemetry = telemetry;
        _logger = services.Logger;
        _application = middleware is { Application.Count: > 0 } ? Chain(middleware.Application, RouteAsync) : null;
        _routes = ComposeRoutes(services.Router.Table, middleware?.Routes);
        _routed = ComposeRouted(services.Router.Table, middleware);
        _process = _routed is not null ? ServeRoutedAsync : _application is null ? ServeAsync : ServeThroughAsync;
        _pool = pools.Create(() => new PulyaContext(services));
    }

    public PulyaContext CreateContext(IFeatureCollection contextFeatures)
    {
        var context = _pool.Rent(contextFeatures);
        context.Initialize(contextFeatures);
        return context;
    }

    public Task ProcessRequestAsync(PulyaContext context)
    {
        // One volatile read once the server is ready; before it, requests wait for every endpoint to be bound.
        if (_held is { } held)
        {
            return ProcessWhenReadyAsync(context, held.Task);
        }

        return _telemetry is { Enabled: true } telemetry ? telemetry.TrackAsync(context, _process) : _process(context);
    }

    /// <summary>
    /// Holds the requests that arrive from now on until <see cref="Release"/>: the server calls it before starting, so that an
    /// endpoint bound early (HTTP before HTTPS) serves nothing before the server is ready and its readiness is logged.
    /// </summary>
    public void Hold() => _held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Serves the held requests and every later one directly.</summary>
    public void Release()
    {
        var held = _held;
        _held = null;
        held?.TrySetResult();
    }

    private async Task ProcessWhenReadyAsync(PulyaContext context, Task ready)
    {
        await ready;
        await ProcessRequestAsync(context);
    }

    /// <summary>One route's stages: its endpoint, and the middleware around it (null when none).</summary>
    private sealed record RouteStage(EndpointBinding Endpoint, PulyaRequestDelegate? Middleware);

    private RouteStage[] ComposeRoutes(RouteTable table, IReadOnlyDictionary<RouteEntry, IPulyaMiddleware[]>? middleware)
    {
        var stages = new RouteStage[table.Routes.Count];
        foreach (var entry in table.Routes)
        {
            // By route entry, not endpoint: one binding can serve several routes (a generated binding mapped in a loop).
            var endpoint = (EndpointBinding)entry.Endpoint!;
            stages[entry.Order] = middleware is not null && middleware.TryGetValue(entry, out var chain) && chain.Length > 0
                ? new RouteStage(endpoint, Chain(chain, request => EndpointAsync((PulyaContext)request, endpoint, write: false)))
                : new RouteStage(endpoint, null);
        }

        return stages;
    }

    /// <summary>Routed middleware around <see cref="AfterRoutedAsync"/>, outermost first; null when there is none.</summary>
    private Func<PulyaRequest, Task>? ComposeRouted(RouteTable table, PipelineMiddleware? middleware)
    {
        if (middleware is not { Routed.Count: > 0 })
        {
            return null;
        }

        Func<PulyaRequest, Task> next = AfterRoutedAsync;
        for (var i = middleware.Routed.Count - 1; i >= 0; i--)
        {
            next = middleware.Routed[i].Compose(table, next);
        }

        return next;
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

    /// <summary>The pipeline without application middleware: the route stage, then the route's own stages.</summary>
    private Task ServeAsync(PulyaContext context)
    {
        return Match(context, wrapped: false, out var error) is { } route ? ServeRouteAsync(context, route) : Pending(error);
    }

    /// <summary>A matched route's own stages: its middleware around the endpoint, or the endpoint alone.</summary>
    private Task ServeRouteAsync(PulyaContext context, RouteEntry route)
    {
        var stage = _routes[route.Order];
        if (stage.Middleware is not null)
        {
            return ServeThroughAsync(context, stage.Middleware);
        }

        // Nothing wraps the endpoint: its stage writes the response (and its errors) itself; an asynchronous one is
        // awaited through the task it already is.
        var endpoint = stage.Endpoint;
        if (endpoint.BodyType is null)
        {
            return WriteEndpoint(context, endpoint);
        }

        var pending = EndpointAsync(context, endpoint, write: true);
        return pending.IsCompletedSuccessfully ? Task.CompletedTask : pending.AsTask();
    }

    /// <summary>
    /// The endpoint stage of <see cref="EndpointAsync"/> for an endpoint that reads no body and that nothing wraps, without
    /// its state machine while everything completes at once (the handler and the write): the same 406 decision, handler,
    /// write and error table, continued asynchronously from the first step that does not complete.
    /// </summary>
    private Task WriteEndpoint(PulyaContext context, EndpointBinding endpoint)
    {
        try
        {
            if (NotAcceptable(context, endpoint, out var negotiated))
            {
                context.Response.Headers.Clear();
                return Error(context, StatusCodes.Status406NotAcceptable, ErrorResponses.NotAcceptable, write: true) is Task pending
                    ? FailAfterAsync(context, new ValueTask(pending))
                    : Task.CompletedTask;
            }

            var invoked = endpoint.Invoke(context);
            if (!invoked.IsCompletedSuccessfully)
            {
                return WriteAfterAsync(context, invoked, negotiated);
            }

            var written = WriteResultAsync(context, invoked.Result, negotiated);
            return written.IsCompletedSuccessfully ? Task.CompletedTask : FailAfterAsync(context, written);
        }
        catch (Exception ex)
        {
            return Fail(context, ex);
        }
    }

    /// <summary><see cref="WriteEndpoint"/> past a handler that did not complete at once.</summary>
    private async Task WriteAfterAsync(PulyaContext context, ValueTask<object?> invoked, IPulyaSerializer? negotiated)
    {
        try
        {
            await WriteResultAsync(context, await invoked, negotiated);
        }
        catch (Exception ex)
        {
            await Fail(context, ex);
        }
    }

    /// <summary><see cref="WriteEndpoint"/> past a write (of the result or of the 406) that did not complete at once.</summary>
    private async Task FailAfterAsync(PulyaContext context, ValueTask written)
    {
        try
        {
            await written;
        }
        catch (Exception ex)
        {
            await Fail(context, ex);
        }
    }

    /// <summary>The pipeline with routed middleware: the match (no answer yet), then the routed middleware around the rest.</summary>
    private Task ServeRoutedAsync(PulyaContext context)
    {
        context.MatchRoute();
        Task routed;
        try
        {
            routed = _routed!(context);
        }
        catch (Exception ex)
        {
            routed = Task.FromException(ex);
        }

        return routed.IsCompletedSuccessfully ? Task.CompletedTask : AwaitRoutedAsync(context, routed);
    }

    private async Task AwaitRoutedAsync(PulyaContext context, Task routed)
    {
        try
        {
            await routed;
        }
        catch (Exception ex)
        {
            // Thrown by routed middleware: the error table, written through the server's body (the middleware put it back).
            context.UseCurrentResponseBody();
            await Fail(context, ex);
        }
    }

    /// <summary>
    /// The innermost step of routed middleware: the matched route's stages writing their response through the features as
    /// the middleware left them, or the 404/405 answer when no route matched (only now: the middleware may have answered).
    /// </summary>
    private Task AfterRoutedAsync(PulyaRequest request)
    {
        var context = (PulyaContext)request;
        var server = context.ResponseBody;
        context.UseCurrentResponseBody();
        var written = WriteRoutedAsync(context);
        // A body the middleware installed (a stream it captures or compresses) sees the bytes written into its writer only
        // when they are flushed; the server's own writer flushes when the request ends.
        return ReferenceEquals(server, context.ResponseBody) ? written : FlushAfterAsync(written, context.ResponseBody);
    }

    /// <summary>
    /// The route stage behind routed middleware, answering from the match made before it: the route the middleware saw is the
    /// one served (or the 404/405 it did not answer), whatever path the middleware left on the request.
    /// </summary>
    private Task WriteRoutedAsync(PulyaContext context) =>
        // Application middleware sees results before they are written, so it runs inside: it still wraps the route stage
        // (404/405 included).
        _application is not null ? ServeThroughAsync(context, _application) : ServeAsync(context);

    /// <summary>The write still under way in an error outcome (the application's problem writer), else a completed task.</summary>
    private static Task Pending(object? error) => error as Task ?? Task.CompletedTask;

    /// <summary>An outcome of <see cref="Error"/>: <see cref="Written"/> once a pending write completed, else the outcome itself.</summary>
    private static ValueTask<object?> Settled(object error) => error is Task pending ? WrittenAfterAsync(pending) : new(error);

    private static async ValueTask<object?> WrittenAfterAsync(Task pending)
    {
        await pending;
        return Written;
    }

    private static async Task FlushAfterAsync(Task written, IHttpResponseBodyFeature body)
    {
        await written;
        await body.Writer.FlushAsync();
    }

    /// <summary>The pipeline with application middleware.</summary>
    private Task ServeThroughAsync(PulyaContext context) => ServeThroughAsync(context, _application!);

    /// <summary>Runs middleware (and what it wraps), then writes the result it returned, once.</summary>
    private async Task ServeThroughAsync(PulyaContext context, PulyaRequestDelegate middleware)
    {
        try
        {
            var result = await middleware(context);
            await WriteResultAsync(context, result, context.Negotiated);
        }
        catch (Exception ex)
        {
            // Thrown by middleware (or by writing its result): the error table, as for a handler.
            await Fail(context, ex);
        }
    }

    /// <summary>The route stage as the innermost step of application middleware: the match, then the route's stages.</summary>
    private ValueTask<object?> RouteAsync(PulyaRequest request)
    {
        var context = (PulyaContext)request;
        if (Match(context, wrapped: true, out var error) is not { } route)
        {
            return new(error);
        }

        var stage = _routes[route.Order];
        return stage.Middleware is not null ? stage.Middleware(context) : EndpointAsync(context, stage.Endpoint, write: false);
    }

    /// <summary>
    /// Matches the request: the route found, or null with the 404/405 outcome in <paramref name="error"/> (a result for
    /// the middleware that wraps the route stage, or written already when nothing does).
    /// </summary>
    private RouteEntry? Match(PulyaContext context, bool wrapped, out object? error)
    {
        var match = context.MatchRoute();
        switch (match.Kind)
        {
            case RouteMatchKind.Found:
                error = null;
                return match.Route;
            case RouteMatchKind.MethodNotAllowed:
                error = Error(context, StatusCodes.Status405MethodNotAllowed, ErrorResponses.MethodNotAllowed, !wrapped, match.Allowed!.HeaderValue);
                return null;
            default:
                error = Error(context, StatusCodes.Status404NotFound, ErrorResponses.NotFound, !wrapped);
                return null;
        }
    }

    /// <summary>
    /// The endpoint stage: the 406 decision, the body, binding, filters and the handler. With <paramref name="write"/>
    /// (nothing wraps it) it writes the result or the error itself and returns <see cref="Written"/>; otherwise it returns
    /// the result, or the error as a result, for the middleware around it (an aborted request still throws).
    /// </summary>
    private async ValueTask<object?> EndpointAsync(PulyaContext context, EndpointBinding endpoint, bool write)
    {
        try
        {
            if (NotAcceptable(context, endpoint, out var negotiated))
            {
                context.Response.Headers.Clear();
                return await Settled(Error(context, StatusCodes.Status406NotAcceptable, ErrorResponses.NotAcceptable, write));
            }

            if (endpoint.BodyType is not null && await ReadBodyAsync(context, endpoint) is var status and not 0)
            {
                return await Settled(Error(context, status, ErrorResponses.ForBodyStatus(status, endpoint.BodyType, _services.Serializers), write));
            }

            var result = await endpoint.Invoke(context);
            if (!write)
            {
                context.Negotiated = negotiated;
                return result;
            }

            await WriteResultAsync(context, result, negotiated);
            return Written;
        }
        catch (Exception ex) when (write)
        {
            await Fail(context, ex);
            return Written;
        }
        catch (Exception ex) when (TryMapFailure(context, ex, out var status, out var body))
        {
            return Error(context, status, body, write: false);
        }
    }

    /// <summary>
    /// An error of the error table: written at once (<paramref name="write"/>: nothing wraps the stage; the task of the write
    /// when the application's problem writer has not finished it), or as a result with the same status, headers, content
    /// type and body for the middleware that does.
    /// </summary>
    private static object Error(PulyaContext context, int status, byte[] body, bool write, string? allow = null)
    {
        if (write)
        {
            if (allow is not null)
            {
                context.Response.Headers.Allow = allow;
            }

            var written = WriteError(context, status, body);
            return written.IsCompletedSuccessfully ? Written : written;
        }

        var result = context.Errors.Result(context, status, body);
        if (allow is not null)
        {
            result.WithHeader(HeaderNames.Allow, allow);
        }

        return result;
    }

    public void DisposeContext(PulyaContext context, Exception? exception)
    {
        var features = context.Features;
        var scope = context.DisposeScopeAsync();
        if (scope.IsCompletedSuccessfully)
        {
            _pool.Return(context, features);
            return;
        }

        // Still running or failed: the server may reuse its request features once this returns, so keep what the log needs.
        _ = ReturnAfterAsync(scope, context, features, context.Method, context.Path);
    }

    private async Task ReturnAfterAsync(ValueTask scope, PulyaContext context, IFeatureCollection features, string method, string path)
    {
        try
        {
            await scope;
        }
        catch (Exception ex)
        {
            // A service's Dispose threw: the response is already sent, so the log is the only place to say so.
            LogScopeDisposeFailed(_logger, ex, method, path);
        }
        finally
        {
            _pool.Return(context, features);
        }
    }

    /// <summary>
    /// Whether the endpoint's result will be serialized whatever the handler returns and no registered format is
    /// acceptable: then 406 is answered before the handler runs. <paramref name="negotiated"/> is the format chosen.
    /// </summary>
    private bool NotAcceptable(PulyaContext context, EndpointBinding endpoint, out IPulyaSerializer? negotiated)
    {
        negotiated = endpoint.SerializesResult ? _services.Serializers.ForAccept(context.Headers.GetList(HeaderNames.Accept)) : null;
        return endpoint.SerializesResult && negotiated is null;
    }

    /// <summary>
    /// Writes a result (the handler's, or what middleware made of it); 406 when no registered format is acceptable.
    /// <paramref name="negotiated"/> is the format already chosen for the request, if any.
    /// </summary>
    private ValueTask WriteResultAsync(PulyaContext context, object? result, IPulyaSerializer? negotiated = null)
    {
        if (StreamedResults.Handles(result))
        {
            return WriteStreamedAsync(context, result!);
        }

        var write = ResultWriter.WriteAsync(context, result, _services.Serializers, negotiated, _services.Options.ResponseBufferSize);
        if (!write.IsCompletedSuccessfully)
        {
            return AwaitWriteAsync(write);
        }

        return write.Result ? ValueTask.CompletedTask : new ValueTask(WriteNotAcceptable(context));
    }

    /// <summary>A write whose response start did not complete at once; it was past the 406 decision, so it only needs awaiting.</summary>
    private static async ValueTask AwaitWriteAsync(ValueTask<bool> write) => await write;

    private async ValueTask WriteStreamedAsync(PulyaContext context, object result)
    {
        if (!await StreamedResults.WriteAsync(context, result, _services.Serializers))
        {
            await WriteNotAcceptable(context);
        }
    }

    /// <summary>406, without a single header the handler set.</summary>
    private static Task WriteNotAcceptable(PulyaContext context)
    {
        context.Response.Headers.Clear();
        return WriteError(context, StatusCodes.Status406NotAcceptable, ErrorResponses.NotAcceptable);
    }

    /// <summary>Answers a failure per the error table (or logs an aborted request).</summary>
    private Task Fail(PulyaContext context, Exception exception)
    {
        if (TryMapFailure(context, exception, out var status, out var body))
        {
            return Fail(context, status, body);
        }

        LogAborted(_logger, context.Method, context.Path);
        return Task.CompletedTask;
    }

    /// <summary>The error table: the status and body answering <paramref name="exception"/> (logged); false when the client aborted the request.</summary>
    private bool TryMapFailure(PulyaContext context, Exception exception, out int status, out byte[] body)
    {
        switch (exception)
        {
            case BadRequestException or DuplicateHeaderException or BodyFormatException:
                LogBadRequest(_logger, context.Method, context.Path, exception.Message);
                (status, body) = (StatusCodes.Status400BadRequest, ErrorResponses.Encode(exception.Message));
                return true;
            case Microsoft.AspNetCore.Http.BadHttpRequestException badRequest:
                // Kestrel's own limits while reading the body (size, data rate, malformed framing).
                LogBadRequest(_logger, context.Method, context.Path, badRequest.Message);
                (status, body) = (badRequest.StatusCode, ErrorResponses.ForStatus(badRequest.StatusCode));
                return true;
            case OperationCanceledException when context.RequestAborted.IsCancellationRequested:
                (status, body) = (0, []);
                return false;
            default:
                LogHandlerFailed(_logger, exception, context.Method, context.Path);
                context.Failure = exception;
                (status, body) = (StatusCodes.Status500InternalServerError, ErrorResponses.InternalServerError);
                return true;
        }
    }

    /// <summary>Reads and deserializes the body; 0, or the status of the error to answer instead (413, 415).</summary>
    private async ValueTask<int> ReadBodyAsync(PulyaContext context, EndpointBinding endpoint)
    {
        if (context.BodyRead)
        {
            // The endpoint runs again for this request (middleware called next twice): the same body, not an empty stream.
            return context.BodyValue is null && endpoint.BodyRequired ? throw new BadRequestException("The request body is required.") : 0;
        }

        context.BodyRead = true;
        // First, also for the early answers: a body left unread is drained by Kestrel after the answer, and a drain that
        // crosses Kestrel's cap resets the connection, which can destroy the answer before the client reads it.
        var limit = LimitedRequestStream.LiftServerLimit(context, _services.MaxRequestBodySize);
        var contentLength = context.RequestContentLength;
        if (contentLength > limit)
        {
            return TooLarge(context);
        }

        if (endpoint.BodyType == typeof(PulyaForm))
        {
            return await FormBodyReader.ReadAsync(context, limit);
        }

        var serializer = _services.Serializers.ForContentType(context.Headers.Get(HeaderNames.ContentType, HeaderStrategy.First));
        if (serializer is null)
        {
            return StatusCodes.Status415UnsupportedMediaType;
        }

        // The buffer follows the bytes that arrive, never what the client declares: a small one first, doubled as it
        // fills, up to the declared length (Kestrel delivers no more) or the limit, plus one byte to see the end.
        var end = Math.Min(contentLength ?? limit, limit) + 1;
        var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Min(end, InitialBodyBufferSize));
        context.BodyBuffer = buffer;
        var total = 0;
        var body = context.RequestBody;
        while (true)
        {
            if (total == buffer.Length)
            {
                // total <= limit here (checked after every read), so total < end and the buffer can still grow.
                var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)buffer.Length * 2, end));
                buffer.AsSpan(0, total).CopyTo(larger);
                ArrayPool<byte>.Shared.Return(buffer);
                buffer = larger;
                context.BodyBuffer = buffer;
            }

            int read;
            try
            {
                read = await body.ReadAsync(buffer.AsMemory(total), context.RequestAborted);
            }
            catch (IOException ex) when (ex is not Microsoft.AspNetCore.Http.BadHttpRequestException)
            {
                // Kestrel reports its limits as BadHttpRequestException (an IOException, answered with its own status
                // below), but a client gone mid-body (ConnectionResetException) and malformed framing (a chunk size that
                // overflows) as plain IOExceptions: an abort when the request was aborted, else a client error, never a 500.
                context.RequestAborted.ThrowIfCancellationRequested();
                throw new BadRequestException("The request body is malformed or incomplete.");
            }

            if (read == 0)
            {
                break;
            }

            total += read;
            if (total > limit)
            {
                return TooLarge(context);
            }
        }

        if (total == 0)
        {
            if (endpoint.BodyRequired)
            {
                throw new BadRequestException("The request body is required.");
            }

            return 0;
        }

        context.BodyValue = serializer.Deserialize(new ReadOnlySequence<byte>(buffer, 0, total), endpoint.BodyType!);
        if (context.BodyValue is null && endpoint.BodyRequired)
        {
            throw new BadRequestException("The request body is required (it was null).");
        }

        return 0;
    }

    /// <summary>
    /// 413, announcing that the connection closes: the rest of the body is not read (Kestrel cannot drain more than its
    /// limit), and a client that reused the connection would see its next request fail.
    /// </summary>
    private static int TooLarge(PulyaContext context)
    {
        context.Response.Headers.Connection = "close";
        return StatusCodes.Status413PayloadTooLarge;
    }

    private static Task Fail(PulyaContext context, int status, byte[] body)
    {
        if (context.BodyStarted || context.Response.HasStarted)
        {
            // Too late for an error response: the client would get half a body. Cut the connection instead.
            context.Features.Get<IHttpRequestLifetimeFeature>()?.Abort();
            return Task.CompletedTask;
        }

        context.Response.Headers.Clear();
        return WriteError(context, status, body);
    }

    private static Task WriteError(PulyaContext context, int status, byte[] body)
    {
        if (status == StatusCodes.Status413PayloadTooLarge)
        {
            // The rest of the body stays unread: the connection cannot carry another request, and the client must know
            // that before it sends one (Kestrel answers its own 413 the same way).
            context.Response.Headers.Connection = "close";
        }

        return context.Errors.Write(context, status, body);
    }

    [LoggerMessage(1, LogLevel.Error, "Unhandled exception in the handler of {Method} {Path}.")]
    private static partial void LogHandlerFailed(ILogger logger, Exception exception, string method, string path);

    [LoggerMessage(2, LogLevel.Debug, "Bad request {Method} {Path}: {Reason}")]
    private static partial void LogBadRequest(ILogger logger, string method, string path, string reason);

    [LoggerMessage(4, LogLevel.Error, "Disposing the request services of {Method} {Path} failed.")]
    private static partial void LogScopeDisposeFailed(ILogger logger, Exception exception, string method, string path);

    [LoggerMessage(3, LogLevel.Debug, "Request {Method} {Path} aborted by the client.")]
    private static partial void LogAborted(ILogger logger, string method, string path);
}
