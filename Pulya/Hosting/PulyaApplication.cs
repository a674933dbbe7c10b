using System.ComponentModel;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Pulya.Binding;
using Microsoft.Extensions.Options;
using Pulya.Routing;

namespace Pulya.Hosting;

/// <summary>
/// A Pulya web application: map routes and hooks, then run. It hosts Kestrel with Pulya's own
/// <c>IHttpApplication</c> (no ASP.NET Core middleware pipeline) and listens on <c>--urls</c>, the
/// <c>Kestrel</c> configuration section, or <c>http://127.0.0.1:5000</c>.
/// </summary>
/// <example>
/// <code>
/// var app = PulyaApplication.CreateBuilder(args).Build();
/// app.MapGet("/users/{id:int}", (int id) => new { id });
/// app.Run();
/// </code>
/// </example>
public sealed partial class PulyaApplication : IAsyncDisposable, IDisposable
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
    public IServiceProvider Services => _host.Services;

    /// <summary>The application's configuration.</summary>
    public IConfiguration Configuration => Services.GetRequiredService<IConfiguration>();

    /// <summary>The application's logger (category <c>Pulya</c>).</summary>
    public ILogger Logger { get; }

    /// <summary>The addresses the server listens on, once started (with the actual port when 0 was asked for).</summary>
    public IReadOnlyCollection<string> Urls =>
        Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.ToArray() ?? [];

    /// <summary>The router serving requests (the selected one, wrapped by any decorators), once started; null before.</summary>
    public IRouter? Router => Services.GetRequiredService<PulyaServer>().Router;

    /// <summary>Creates a builder with configuration from <paramref name="args"/>, environment variables and appsettings files.</summary>
    public static PulyaApplicationBuilder CreateBuilder(string[]? args = null) => new(args ?? []);

    /// <summary>Maps <paramref name="handler"/> to <paramref name="method"/> and <paramref name="template"/>. The handler may have any shape; its binding is compiled at start-up.</summary>
    /// <exception cref="RouteTemplateException">The template is malformed.</exception>
    public PulyaApplication Map(string method, string template, Delegate handler)
    {
        _routes.Add(method, template, handler);
        return this;
    }

    /// <summary>
    /// Maps <paramref name="handler"/> with the binding the source generator emitted for the call site; the <c>Generated</c>
    /// binder uses it, the others bind <paramref name="handler"/> themselves. Called by generated code, not by applications.
    /// </summary>
    /// <exception cref="RouteTemplateException">The template is malformed.</exception>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public PulyaApplication Map(string method, string template, Delegate handler, EndpointBinding generated)
    {
        ArgumentNullException.ThrowIfNull(generated);
        _routes.Add(method, template, handler, generated);
        return this;
    }

    /// <summary>Maps a GET route (which also answers HEAD).</summary>
    public PulyaApplication MapGet(string template, Delegate handler) => Map(HttpMethods.Get, template, handler);

    /// <summary>Maps a POST route.</summary>
    public PulyaApplication MapPost(string template, Delegate handler) => Map(HttpMethods.Post, template, handler);

    /// <summary>Maps a PUT route.</summary>
    public PulyaApplication MapPut(string template, Delegate handler) => Map(HttpMethods.Put, template, handler);

    /// <summary>Maps a DELETE route.</summary>
    public PulyaApplication MapDelete(string template, Delegate handler) => Map(HttpMethods.Delete, template, handler);

    /// <summary>Maps a PATCH route.</summary>
    public PulyaApplication MapPatch(string template, Delegate handler) => Map(HttpMethods.Patch, template, handler);

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

            try
            {
                await _host.StartAsync(cancellationToken);
            }
            catch (Exception ex)
            {
                LogStartFailure(ex);
                await _host.StopAsync(CancellationToken.None);
                throw;
            }

            _started = true;
        }
        finally
        {
            _startLock.Release();
        }
    }

    /// <summary>Stops the application gracefully: no new connections, requests in flight complete, then the shut-down hooks run.</summary>
    public Task StopAsync(CancellationToken cancellationToken = default) => _host.StopAsync(cancellationToken);

    /// <summary>
    /// Starts the application and waits until it is stopped (Ctrl+C, SIGTERM, or <paramref name="cancellationToken"/>).
    /// An invalid option does not throw: it is logged as one line naming the configuration key, the value and the allowed
    /// range, <see cref="Environment.ExitCode"/> is set to 1, and the method returns, so the process ends with exit code 1.
    /// Any other start-up failure is logged and thrown.
    /// </summary>
    public async Task RunAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await StartAsync(cancellationToken);
        }
        catch (Exception ex) when (InvalidConfiguration(ex) is not null)
        {
            Environment.ExitCode = 1;
            return;
        }

        await _host.WaitForShutdownAsync(cancellationToken);
    }

    /// <summary>Runs the application until it is stopped; an invalid option ends it with exit code 1 (see <see cref="RunAsync"/>).</summary>
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
            LogStartFailed(Logger, exception);
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

    [LoggerMessage(30, LogLevel.Critical, "The application failed to start.")]
    private static partial void LogStartFailed(ILogger logger, Exception exception);

    [LoggerMessage(31, LogLevel.Critical, "Invalid configuration: {Problems}")]
    private static partial void LogInvalidConfiguration(ILogger logger, string problems);
}
