using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Pulya.Http;

namespace Pulya.Middleware;

/// <summary>
/// Logs one line per request at <see cref="LogLevel.Information"/>: method, path, status and duration in milliseconds.
/// The status is the one of the result the rest of the pipeline returned (404, 405 and the other errors of the error
/// table included); an exception from inner middleware is logged as 500, a request the client aborted as aborted. What
/// happens while the result is written is not seen: a 406 from content negotiation, or a connection cut mid-body, is
/// logged with the result's status.
/// Costs two timestamps per request; nothing is formatted when the level is off.
/// </summary>
public sealed partial class RequestLoggingMiddleware : IPulyaMiddleware
{
    /// <summary>The logger category, <c>Pulya.RequestLogging</c>.</summary>
    public const string Category = "Pulya.RequestLogging";

    private readonly ILogger _logger;

    /// <summary>Creates the middleware writing to <paramref name="logger"/>.</summary>
    public RequestLoggingMiddleware(ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(logger);
        _logger = logger;
    }

    /// <inheritdoc />
    public async ValueTask<object?> InvokeAsync(PulyaRequest request, PulyaRequestDelegate next)
    {
        var start = Stopwatch.GetTimestamp();
        object? result;
        try
        {
            result = await next(request);
        }
        catch (OperationCanceledException) when (request.RequestAborted.IsCancellationRequested)
        {
            LogAborted(_logger, request.Method, request.Path, Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            throw;
        }
        catch
        {
            LogRequest(_logger, request.Method, request.Path, 500, Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            throw;
        }

        LogRequest(_logger, request.Method, request.Path, StatusOf(result), Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        return result;
    }

    /// <summary>The status a result is written with: a <see cref="Response"/>'s own, 204 for none, else 200.</summary>
    internal static int StatusOf(object? result) => result switch
    {
        Response response => response.StatusCode,
        null => 204,
        _ => 200,
    };

    [LoggerMessage(1, LogLevel.Information, "{Method} {Path} responded {StatusCode} in {ElapsedMilliseconds:0.000} ms")]
    private static partial void LogRequest(ILogger logger, string method, string path, int statusCode, double elapsedMilliseconds);

    [LoggerMessage(2, LogLevel.Information, "{Method} {Path} aborted by the client after {ElapsedMilliseconds:0.000} ms")]
    private static partial void LogAborted(ILogger logger, string method, string path, double elapsedMilliseconds);
}
