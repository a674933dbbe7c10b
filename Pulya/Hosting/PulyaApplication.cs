using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pulya.Http;
using Pulya.Routing;

namespace Pulya.Hosting;

/// <summary>
/// A Pulya web application: map routes and hooks, then run. It hosts Kestrel with Pulya's own
/// <c>IHttpApplication</c> (no ASP.NET Core middleware pipeline) and listens where the <c>Kestrel:Endpoints</c> section,
/// <c>urls</c> (<c>--urls</c>, <c>ASPNETCORE_URLS</c>) or <c>ASPNETCORE_HTTP_PORTS</c>/<c>HTTPS_PORTS</c> say, else on
/// <c>http://127.0.0.1:5000</c>.
/// </summary>
/// <example>
/// <code>
/// var app = PulyaApplication.CreateBuilder(args).Build();
/// app.MapGet("/users/{id:int}", (int id) => new { id });
/// app.Run();
/// </code>
/// </example>
public sealed partial class PulyaApplication : RouteMapper, IMiddlewareBuilder, IRoutedMiddlewareBuilder, IAsyncDisposable, IDisposable
{
    private readonly IHost _host;
    private readonly RouteRegistry _routes;
    private readonly LifecycleHooks _hooks;
    private readonly SemaphoreSlim _startLock = new(1, 1);
    private bool _started;

    internal PulyaApplication(IHost host)
    {
        _host = host;
        _routes = host.Services.GetRequiredService<RouteRegistry>();
        _hooks = host.Services.GetRequiredService<LifecycleHooks>();
        Logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Pulya");
    }

    /// <summary>The application's root service provider.</summary>
    public override IServiceProvider Services => _host.Services;

    /// <summary>The application's configuration.</summary>
    public IConfiguration Configuration => Services.GetRequiredService<IConfiguration>();

    /// <summary>The application's logger (category <c>Pulya</c>).</summary>
    public ILogger Logger { get; }

    /// <summary>The addresses the server listens on, once started (with the actual port when 0 was asked for).</summary>
    public IReadOnlyCollection<string> Urls =>
        Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.ToArray() ?? [];

    /// <summary>The router serving requests (the selected one, wrapped by any decorators), once started; null before.</summary>
    public IRouter? Router => Services.GetRequiredService<PulyaServer>().Router;

    private protected override RouteRegistry Registry => _routes;

    private protected override RouteGroup? Group => null;

    /// <summary>
    /// Creates a builder with the defaults of <c>WebApplication.CreateBuilder</c>: configuration from <paramref name="args"/>,
    /// environment variables and appsettings files (reloaded when they change), console, debug and event-source logging,
    /// Kestrel with HTTPS and HTTP/3 (where the platform has QUIC) available from configuration.
    /// </summary>
    public static PulyaApplicationBuilder CreateBuilder(string[]? args = null) => PulyaApplicationBuilder.CreateFull(args ?? []);

    /// <summary>
    /// Creates a builder that starts faster and holds less: the same configuration sources read once (no file watchers),
    /// console logging only, Kestrel without HTTPS configuration or HTTP/3 (as <c>WebApplication.CreateSlimBuilder</c>; call
    /// <c>builder.WebHost.UseKestrelHttpsConfiguration()</c> for HTTPS endpoints).
    /// </summary>
    public static PulyaApplicationBuilder CreateSlimBuilder(string[]? args = null) => PulyaApplicationBuilder.CreateSlim(args ?? []);

    /// <summary>
    /// Adds application middleware: it runs around every request (404 and 405 included), before routing's answer is
    /// written; the first added runs first (outermost). Exceptions it throws are answered by the error table.
    /// </summary>
    /// <exception cref="InvalidOperationException">The application has started: middleware is composed at start-up.</exception>
    public PulyaApplication Use(IPulyaMiddleware middleware)
    {
        ArgumentNullException.ThrowIfNull(middleware);
        _routes.ThrowIfFrozen();
        _routes.Middleware.Add(middleware);
        return this;
    }

    IMiddlewareBuilder IMiddlewareBuilder.Use(IPulyaMiddleware middleware) => Use(middleware);

    /// <summary>
    /// Adds routed middleware (see <see cref="IRoutedMiddleware"/>): it runs after routing, for every request (404 and 405
    /// included, before they are answered), before the matched route's own middleware and body; the rest of the pipeline
    /// writes the response inside it. The first added runs first (outermost). Application middleware
    /// (<see cref="Use(IPulyaMiddleware)"/>) sees results before they are written, so it then runs inside routed middleware.
    /// </summary>
    /// <exception cref="InvalidOperationException">The application has started: middleware is composed at start-up.</exception>
    public PulyaApplication UseRouted(IRoutedMiddleware middleware)
    {
        ArgumentNullException.ThrowIfNull(middleware);
        _routes.ThrowIfFrozen();
        _routes.RoutedMiddleware.Add(middleware);
        return this;
    }

    IRoutedMiddlewareBuilder IRoutedMiddlewareBuilder.UseRouted(IRoutedMiddleware middleware) => UseRouted(middleware);

    /// <summary>Adds a hook run once at start-up, before the server accepts requests, in registration order. A failing hook stops the application.</summary>
    public PulyaApplication OnStartup(Func<CancellationToken, Task> hook)
    {
        _hooks.OnStartup(hook);
        return this;
    }

    /// <summary>Adds a hook run once at shut-down, after requests in flight completed, in registration order.</summary>
    public PulyaApplication OnShutdown(Func<CancellationToken, Task> hook)
    {
        _hooks.OnShutdown(hook);
        return this;
    }

    /// <summary>Starts the application; concurrent and repeated calls start it once.</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        await _startLock.WaitAsync(cancellationToken);
        try
        {
            if (_started)
            {
                return;
            }

            try
            {
                // Options first, before the host resolves the server with them: an invalid one is reported as one line,
                // and the host, which never started, is not stopped.
                Services.GetRequiredService<IStartupValidator>().Validate();
            }
            catch (Exception ex)
            {
                LogStartFailure(ex);
                throw;
            }

            var server = Services.GetRequiredService<PulyaServer>();
            try
            {
                // Pulya's own start (hooks, route table, bindings, serializers, listening) before the host's hosted
                // services, which it would have started first anyway: a failure (a port in use, conflicting routes) is
                // reported once, here, rather than by the host as well.
                await server.StartAsync(cancellationToken);
            }
            catch (Exception ex)
            {
                LogStartFailure(ex);
                await StopAfterFailedStartAsync(server.StopAsync);
                throw;
            }

            try
            {
                await _host.StartAsync(cancellationToken);
            }
            catch (Exception ex)
            {
                LogStartFailure(ex);
                await StopAfterFailedStartAsync(_host.StopAsync);
                throw;
            }

            _started = true;
        }
        finally
        {
            _startLock.Release();
        }
    }

    /// <summary>Stops what did start; an error here (e.g. the host failed before it had any hosted service) must not hide the start-up error.</summary>
    private async Task StopAfterFailedStartAsync(Func<CancellationToken, Task> stop)
    {
        try
        {
            await stop(CancellationToken.None);
        }
        catch (Exception ex)
        {
            LogStopAfterFailedStartFailed(Logger, ex);
        }
    }

    /// <summary>Stops the application gracefully: no new connections, requests in flight complete, then the shut-down hooks run.</summary>
    public Task StopAsync(CancellationToken cancellationToken = default) => _host.StopAsync(cancellationToken);

    /// <summary>
    /// Starts the application and waits until it is stopped (Ctrl+C, SIGTERM, or <paramref name="cancellationToken"/>).
    /// A start-up failure does not throw, as a console application should not: it is logged as one line (an invalid
    /// option names the configuration key, the value and the allowed range; a port in use names the address; conflicting
    /// routes name both), <see cref="Environment.ExitCode"/> is set to 1, the application is disposed (so that the line
    /// is written out before the process ends) and the method returns, so the process ends with exit code 1 rather than
    /// an unhandled exception. Cancelling <paramref name="cancellationToken"/> during the start still throws.
    /// </summary>
    public async Task RunAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await StartAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Environment.ExitCode = 1;
            // Disposing the host disposes the logger providers, which writes out what they still queue (the console
            // logger writes on a background thread): the one line must reach the terminal before the process ends.
            await DisposeAsync();
            return;
        }

        await _host.WaitForShutdownAsync(cancellationToken);
    }

    /// <summary>Runs the application until it is stopped; a start-up failure ends it with one logged line and exit code 1 (see <see cref="RunAsync"/>).</summary>
    public void Run() => RunAsync().GetAwaiter().GetResult();

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_host is IAsyncDisposable async)
        {
            await async.DisposeAsync();
        }

        _startLock.Dispose();
    }

    /// <inheritdoc />
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private void LogStartFailure(Exception exception)
    {
        if (InvalidConfiguration(exception) is { } problems)
        {
            LogInvalidConfiguration(Logger, problems);
        }
        else
        {
            // One line that says what went wrong; the stack trace only for those who ask for Debug.
            LogStartFailed(Logger, Reason(exception));
            LogStartFailureDetails(Logger, exception);
        }
    }

    /// <summary>The one-line description of invalid options, or null when <paramref name="exception"/> is another failure.</summary>
    private static string? InvalidConfiguration(Exception exception)
    {
        IEnumerable<Exception> causes = exception is AggregateException aggregate ? aggregate.InnerExceptions : [exception];
        // One options type can fail twice (validated itself, and again by options built from it): report each problem once.
        return causes.All(e => e is OptionsValidationException)
            ? string.Join("; ", causes.SelectMany(e => ((OptionsValidationException)e).Failures).Distinct(StringComparer.Ordinal))
            : null;
    }

    /// <summary>The messages of <paramref name="exception"/> (of each inner exception of an aggregate), without stack traces.</summary>
    private static string Reason(Exception exception) =>
        exception is AggregateException aggregate ? string.Join(" ", aggregate.InnerExceptions.Select(e => e.Message)) : exception.Message;

    [LoggerMessage(30, LogLevel.Critical, "The application failed to start: {Reason}")]
    private static partial void LogStartFailed(ILogger logger, string reason);

    [LoggerMessage(33, LogLevel.Debug, "Details of the start-up failure.")]
    private static partial void LogStartFailureDetails(ILogger logger, Exception exception);

    [LoggerMessage(31, LogLevel.Critical, "Invalid configuration: {Problems}")]
    private static partial void LogInvalidConfiguration(ILogger logger, string problems);

    [LoggerMessage(32, LogLevel.Debug, "Stopping after the failed start failed too.")]
    private static partial void LogStopAfterFailedStartFailed(ILogger logger, Exception exception);
}
