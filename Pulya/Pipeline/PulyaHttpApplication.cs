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
/// Pulya's request pipeline as Kestrel's <see cref="IHttpApplication{TContext}"/>: context from the pool, route match,
/// 404/405 from pre-encoded bodies, body read under the size limit, compiled binding, handler, result writer, and the
/// error table in docs/architecture.md. No ASP.NET Core middleware in between.
/// </summary>
internal sealed partial class PulyaHttpApplication : IHttpApplication<PulyaContext>
{
    private readonly PipelineServices _services;
    private readonly IRequestPool<PulyaContext> _pool;
    private readonly ILogger _logger;
    private readonly PulyaMetrics? _metrics;
    private readonly Func<PulyaContext, Task> _process;
    private readonly PulyaRequestDelegate? _middleware;

    /// <summary>The first buffer rented for a request body; it doubles as bytes arrive.</summary>
    private const int InitialBodyBufferSize = 4096;

    public PulyaHttpApplication(PipelineServices services, IRequestPoolProvider pools, PulyaMetrics? metrics = null, PipelineMiddleware? middleware = null)
    {
        _services = services;
        _metrics = metrics;
        _middleware = ComposeMiddleware(middleware);
        _process = _middleware is null ? ProcessCoreAsync : ProcessWithMiddlewareAsync;
        _logger = services.Logger;
        _pool = pools.Create(() => new PulyaContext(services));
    }

    public PulyaContext CreateContext(IFeatureCollection contextFeatures)
    {
        var context = _pool.Rent(contextFeatures);
        context.Initialize(contextFeatures);
        return context;
    }

    public Task ProcessRequestAsync(PulyaContext context) =>
        _metrics is { TracksRequests: true } metrics ? metrics.TrackAsync(context, _process)
        : _middleware is null ? ProcessCoreAsync(context) : ProcessWithMiddlewareAsync(context);

    private Task ProcessCoreAsync(PulyaContext context)
    {
        var match = _services.Router.Match(context.Method, context.Path, context.RouteValues);
        switch (match.Kind)
        {
            case RouteMatchKind.Found:
                context.MatchedRoute = match.Route;
                return InvokeAsync(context, (EndpointBinding)match.Route!.Endpoint!);
            case RouteMatchKind.MethodNotAllowed:
                context.Response.Headers.Allow = match.Allowed!.HeaderValue;
                _metrics?.Unmatched(context.Method, StatusCodes.Status405MethodNotAllowed);
                WriteError(context, StatusCodes.Status405MethodNotAllowed, ErrorResponses.MethodNotAllowed);
                return Task.CompletedTask;
            default:
                _metrics?.Unmatched(context.Method, StatusCodes.Status404NotFound);
                WriteError(context, StatusCodes.Status404NotFound, ErrorResponses.NotFound);
                return Task.CompletedTask;
        }
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

    private async Task InvokeAsync(PulyaContext context, EndpointBinding endpoint)
    {
        try
        {
            if (NotAcceptable(context, endpoint, out var negotiated))
            {
                WriteNotAcceptable(context);
                return;
            }

            if (endpoint.BodyType is not null && await ReadBodyAsync(context, endpoint) is var status and not 0)
            {
                WriteError(context, status, ErrorResponses.ForBodyStatus(status, endpoint.BodyType, _services.Serializers));
                return;
            }

            var result = await endpoint.Invoke(context);
            await WriteResultAsync(context, result, negotiated);
        }
        catch (Exception ex)
        {
            Fail(context, ex);
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

        if (!write.Result)
        {
            WriteNotAcceptable(context);
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>A write whose response start did not complete at once; it was past the 406 decision, so it only needs awaiting.</summary>
    private static async ValueTask AwaitWriteAsync(ValueTask<bool> write) => await write;

    private async ValueTask WriteStreamedAsync(PulyaContext context, object result)
    {
        if (!await StreamedResults.WriteAsync(context, result, _services.Serializers))
        {
            WriteNotAcceptable(context);
        }
    }

    /// <summary>406, without a single header the handler set.</summary>
    private static void WriteNotAcceptable(PulyaContext context)
    {
        context.Response.Headers.Clear();
        WriteError(context, StatusCodes.Status406NotAcceptable, ErrorResponses.NotAcceptable);
    }

    /// <summary>Answers a failure per the error table (or logs an aborted request).</summary>
    private void Fail(PulyaContext context, Exception exception)
    {
        if (TryMapFailure(context, exception, out var status, out var body))
        {
            Fail(context, status, body);
        }
        else
        {
            LogAborted(_logger, context.Method, context.Path);
        }
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
                (status, body) = (StatusCodes.Status500InternalServerError, ErrorResponses.InternalServerError);
                return true;
        }
    }

    /// <summary>Reads and deserializes the body; 0, or the status of the error to answer instead (413, 415).</summary>
    private async ValueTask<int> ReadBodyAsync(PulyaContext context, EndpointBinding endpoint)
    {
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

    private static void Fail(PulyaContext context, int status, byte[] body)
    {
        if (context.BodyStarted || context.Response.HasStarted)
        {
            // Too late for an error response: the client would get half a body. Cut the connection instead.
            context.Features.Get<IHttpRequestLifetimeFeature>()?.Abort();
            return;
        }

        context.Response.Headers.Clear();
        WriteError(context, status, body);
    }

    private static void WriteError(PulyaContext context, int status, byte[] body)
    {
        if (status == StatusCodes.Status413PayloadTooLarge)
        {
            // The rest of the body stays unread: the connection cannot carry another request, and the client must know
            // that before it sends one (Kestrel answers its own 413 the same way).
            context.Response.Headers.Connection = "close";
        }

        ResultWriter.WriteBytes(context, status, ErrorResponses.JsonContentType, body);
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
