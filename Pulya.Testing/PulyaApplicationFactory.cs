using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Pulya.Testing;

/// <summary>
/// Runs an application's own, unchanged <c>Program</c> (top-level statements included) in-process on the in-memory test
/// server: the counterpart of ASP.NET Core's <c>WebApplicationFactory&lt;TEntryPoint&gt;</c>. The program runs on its own
/// thread up to <c>app.Run()</c>; when it builds its application, the factory adds the test's services and settings
/// (registered after the program's, so they replace them) and swaps Kestrel for the test server. Disposing the factory
/// stops the application as Ctrl+C would and waits for the program to return. The content root (where the program reads
/// <c>appsettings.json</c>) is the application's project folder, found above the test's output folder as
/// <c>WebApplicationFactory</c> finds it, so settings that are not copied to the test output are still read; a
/// <c>--contentRoot</c> argument or <see cref="UseContentRoot"/> sets it explicitly.
/// </summary>
/// <typeparam name="TEntryPoint">Any type of the application's assembly, usually its <c>Program</c> (make it visible to the
/// test project with <c>&lt;InternalsVisibleTo Include="MyApp.Tests" /&gt;</c>).</typeparam>
/// <example>
/// <code>
/// await using var factory = new PulyaApplicationFactory&lt;Program&gt;()
///     .UseSetting("Pulya:Router", "Trie")
///     .ConfigureServices(services => services.AddSingleton&lt;IClock, FixedClock&gt;());
/// using var client = await factory.CreateClientAsync();
/// </code>
/// </example>
public sealed class PulyaApplicationFactory<TEntryPoint> : IAsyncDisposable
    where TEntryPoint : class
{
    private readonly List<Action<IServiceCollection>> _services = [];
    private readonly Dictionary<string, string?> _settings = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> _arguments = [];
    private string? _contentRoot;
    private readonly SemaphoreSlim _startLock = new(1, 1);
    private readonly CriticalLogCollector _criticalLog = new();
    private HostInterception? _interception;
    private IHost? _host;
    private TestServer? _server;

    /// <summary>The application's services, once started.</summary>
    /// <exception cref="InvalidOperationException">The application has not been started.</exception>
    public IServiceProvider Services => Started().Services;

    /// <summary>Adds registrations applied after the program's own, so a test can replace any service. Before the start only.</summary>
    public PulyaApplicationFactory<TEntryPoint> ConfigureServices(Action<IServiceCollection> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        NotStarted();
        _services.Add(configure);
        return this;
    }

    /// <summary>
    /// Sets a configuration value over the program's own sources. The program sees it from <c>builder.Build()</c> on
    /// (options, <c>app.Configuration</c>); for values the program reads before that, use <see cref="UseArguments"/>.
    /// </summary>
    public PulyaApplicationFactory<TEntryPoint> UseSetting(string key, string? value)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        NotStarted();
        _settings[key] = value;
        return this;
    }

    /// <summary>Command-line arguments for the program (<c>--environment=Testing</c>, <c>--Key=value</c>), read from the start.</summary>
    public PulyaApplicationFactory<TEntryPoint> UseArguments(params string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        NotStarted();
        _arguments.AddRange(args);
        return this;
    }

    /// <summary>
    /// Sets the application's content root, where it reads <c>appsettings.json</c>. Defaults to the application's project
    /// folder (a folder named after its assembly, holding <c>&lt;name&gt;.csproj</c>, above the test's output folder), or
    /// the program's own default when there is none.
    /// </summary>
    public PulyaApplicationFactory<TEntryPoint> UseContentRoot(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        NotStarted();
        _contentRoot = Path.GetFullPath(path);
        return this;
    }

    /// <summary>Runs the program until its application has started; repeated calls start it once.</summary>
    /// <exception cref="InvalidOperationException">The assembly has no entry point, or the program returned without starting a Pulya application.</exception>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        await _startLock.WaitAsync(cancellationToken);
        try
        {
            if (_host is not null)
            {
                return;
            }

            var assembly = typeof(TEntryPoint).Assembly;
            var entryPoint = assembly.EntryPoint
                ?? throw new InvalidOperationException($"{assembly.GetName().Name} has no entry point: PulyaApplicationFactory runs an application's Program.");
            string[] arguments = [$"--applicationName={assembly.GetName().Name}", .. _arguments];
            string? missing = null;
            if (!arguments.Any(a => a.StartsWith("--contentRoot", StringComparison.OrdinalIgnoreCase)))
            {
                var contentRoot = _contentRoot ?? ContentRootLocator.Find(assembly, AppContext.BaseDirectory);
                arguments = contentRoot is null ? arguments : [.. arguments, $"--contentRoot={contentRoot}"];
                missing = contentRoot is null && !File.Exists(Path.Combine(AppContext.BaseDirectory, "appsettings.json"))
                    ? ContentRootLocator.Missing(assembly, AppContext.BaseDirectory)
                    : null;
            }

            _interception = new HostInterception(Configure, () => _criticalLog.Entries, missing);
            _interception.Run(entryPoint, arguments);
            var host = await _interception.Started.WaitAsync(cancellationToken);
            _server = (TestServer)host.Services.GetRequiredService<IServer>();
            _host = host;
        }
        finally
        {
            _startLock.Release();
        }
    }

    /// <summary>Starts the application if needed and returns a client whose requests go straight into it.</summary>
    public async Task<HttpClient> CreateClientAsync(CancellationToken cancellationToken = default)
    {
        await StartAsync(cancellationToken);
        return _server!.CreateClient();
    }

    /// <summary>Stops the application (shut-down hooks run), waits for the program to return, and releases the host.</summary>
    public async ValueTask DisposeAsync()
    {
        // A start that was cancelled may still complete: that application is stopped too.
        if (_interception is { Started.IsCompletedSuccessfully: true } interception)
        {
            var host = interception.Started.Result;
            host.Services.GetRequiredService<IHostApplicationLifetime>().StopApplication();
            await interception.Completed;
            await ((IAsyncDisposable)host).DisposeAsync();
        }

        _startLock.Dispose();
        _criticalLog.Dispose();
    }

    private void Configure(IHostBuilder builder)
    {
        builder.ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(_settings));
        builder.ConfigureServices(services =>
        {
            services.AddSingleton<IServer>(sp => new TestServer(sp, Options.Create(new TestServerOptions())));
            services.AddSingleton<ILoggerProvider>(_criticalLog);
            foreach (var configure in _services)
            {
                configure(services);
            }
        });
    }

    private IHost Started() => _host ?? throw new InvalidOperationException("The application has not been started: await StartAsync() or CreateClientAsync() first.");

    private void NotStarted()
    {
        if (_interception is not null)
        {
            throw new InvalidOperationException("The application has already been started: configure the factory before StartAsync().");
        }
    }
}
