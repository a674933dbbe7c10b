using System.Diagnostics;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pulya.Binding;
using Pulya.Diagnostics;
using Pulya.DependencyInjection;
using Pulya.Pipeline;

namespace Pulya.Hosting;

/// <summary>
/// Configures a Pulya application on the .NET Generic Host: configuration from <c>appsettings.json</c>,
/// <c>appsettings.{Environment}.json</c>, environment variables (<c>ASPNETCORE_</c> and <c>DOTNET_</c> prefixed ones for the
/// host: <c>ASPNETCORE_URLS</c>, <c>ASPNETCORE_ENVIRONMENT</c>, <c>ASPNETCORE_HTTP_PORTS</c>) and the command line; logging;
/// services; Kestrel configured from the <c>Kestrel</c> section by Kestrel's own loader (endpoints, protocols, certificates,
/// limits); the <c>Pulya</c> section bound to <see cref="PulyaOptions"/>. Created by <see cref="PulyaApplication.CreateBuilder"/>
/// or <see cref="PulyaApplication.CreateSlimBuilder"/>.
/// </summary>
public sealed class PulyaApplicationBuilder
{
    private readonly HostApplicationBuilder _host;

    private PulyaApplicationBuilder(string[] args, bool slim, Func<HostApplicationBuilderSettings, string[], HostApplicationBuilder> createHost, Action<IWebHostBuilder> useKestrel)
    {
        // Host settings first, so that the environment and the content root come from ASPNETCORE_* variables too.
        var configuration = new ConfigurationManager();
        configuration.AddInMemoryCollection([new(HostDefaults.ContentRootKey, DefaultContentRoot())]);
        configuration.AddEnvironmentVariables("ASPNETCORE_");
        var settings = new HostApplicationBuilderSettings { Args = args, Configuration = configuration };
        _host = createHost(settings, args);

        Pulya = _host.Services.AddPulya(_host.Configuration.GetSection("Pulya"));
        var webHost = new PulyaWebHostBuilder(_host.Services, _host.Configuration, _host.Environment);
        WebHost = webHost;
        // As ASP.NET Core's web host: the web root's files for ASP.NET Core middleware run by a bridge (static files).
        _host.Services.TryAddSingleton(webHost.Environment);
        useKestrel(WebHost);

        var reloadOnChange = !slim && _host.Configuration.GetValue("hostBuilder:reloadConfigOnChange", true);
        _host.Services.AddOptions<KestrelServerOptions>().Configure<IServiceProvider>((options, provider) =>
        {
            options.ApplicationServices = provider;
            options.AddServerHeader = false;
            var kestrel = _host.Configuration.GetSection("Kestrel");
            // Kestrel's loader reads Endpoints, EndpointDefaults and Certificates when the server starts.
            options.Configure(kestrel, reloadOnChange);
            KestrelLimitsBinding.Bind(kestrel.GetSection("Limits"), options.Limits);
        }).ValidateOnStart();
        // Kestrel reports bad requests to this source, as under ASP.NET Core's web host.
        _host.Services.TryAddSingleton(new DiagnosticListener("Microsoft.AspNetCore"));
        _host.Services.TryAddSingleton<DiagnosticSource>(sp => sp.GetRequiredService<DiagnosticListener>());
    }

    /// <summary>
    /// The builder of <see cref="PulyaApplication.CreateBuilder"/>: the Generic Host's defaults, Kestrel with HTTPS
    /// configuration and HTTP/3. Each factory hands its own host and Kestrel in, so that an application calling only the
    /// slim one does not keep the full host, HTTPS and QUIC under trimming (Native AOT).
    /// </summary>
    internal static PulyaApplicationBuilder CreateFull(string[] args) =>
        new(args, slim: false, static (settings, _) => Host.CreateApplicationBuilder(settings), static web => web.UseKestrel());

    /// <summary>The builder of <see cref="PulyaApplication.CreateSlimBuilder"/>.</summary>
    internal static PulyaApplicationBuilder CreateSlim(string[] args) =>
        // HTTPS endpoints need builder.WebHost.UseKestrelHttpsConfiguration(), as with WebApplication.CreateSlimBuilder.
        new(args, slim: true, CreateSlimHost, static web => web.UseKestrelCore());

    /// <summary>The services; register your own here before <see cref="Build"/>.</summary>
    public IServiceCollection Services => _host.Services;

    /// <summary>The configuration (sources: appsettings files, environment variables, command line).</summary>
    public IConfigurationManager Configuration => _host.Configuration;

    /// <summary>Logging configuration.</summary>
    public ILoggingBuilder Logging => _host.Logging;

    /// <summary>The hosting environment.</summary>
    public IHostEnvironment Environment => _host.Environment;

    /// <summary>The Pulya registration, on which modules hang their methods (<c>builder.Pulya.AddTrieRouter()</c>).</summary>
    public PulyaBuilder Pulya { get; }

    /// <summary>
    /// ASP.NET Core's server configuration surface, applied to this application at once: <c>ConfigureKestrel</c>,
    /// <c>UseKestrelHttpsConfiguration</c>, <c>UseUrls</c>, <c>UseSetting</c>. It cannot be built on its own.
    /// </summary>
    public IWebHostBuilder WebHost { get; }

    /// <summary>Builds the application. Kestrel is the server unless another <see cref="IServer"/> was registered (e.g. the test server).</summary>
    public PulyaApplication Build()
    {
        var services = _host.Services;
        services.AddSingleton<RouteRegistry>();
        services.AddSingleton<LifecycleHooks>();
        services.AddScoped<RequestHolder>();
        services.AddScoped(sp => sp.GetRequiredService<RequestHolder>().Request
            ?? throw new InvalidOperationException("PulyaRequest is only available in a request's scope."));
        services.AddMetrics();
        services.TryAddSingleton<PulyaTelemetry>();
        services.AddSingleton<PulyaServer>();
        services.AddHostedService(sp => sp.GetRequiredService<PulyaServer>());
        if (EndpointSourceConsumersLoaded())
        {
            AddEndpointDataSource(services);
        }

        services.AddSingleton(new ServiceLifetimes(services));
        return new PulyaApplication(_host.Build());
    }

    /// <summary>
    /// The application's folder when it holds <c>appsettings.json</c> (<c>dotnet run --project …</c> from another folder still
    /// reads the application's settings), else the working directory. <c>--contentRoot</c> and <c>ASPNETCORE_CONTENTROOT</c> override it.
    /// </summary>
    internal static string DefaultContentRoot(string? baseDirectory = null)
    {
        baseDirectory ??= AppContext.BaseDirectory;
        return File.Exists(Path.Combine(baseDirectory, "appsettings.json")) ? baseDirectory : Directory.GetCurrentDirectory();
    }

    /// <summary>
    /// Whether services that need routing's endpoint source can be registered: registering authorization's policy cache
    /// (<c>AddAuthorization()</c>) loads its assembly, and anything that registers routing's own services loads routing.
    /// Asking first keeps an application without them from loading <c>Microsoft.AspNetCore.Routing</c> for nothing.
    /// </summary>
    private static bool EndpointSourceConsumersLoaded() =>
        AppDomain.CurrentDomain.GetAssemblies().Any(a => a.GetName().Name is "Microsoft.AspNetCore.Routing" or "Microsoft.AspNetCore.Authorization.Policy");

    // ASP.NET Core services that watch routing's endpoint source for changes (authorization's policy cache) need one;
    // Pulya's routes never change after start-up, and a bridge hands each request its route as the endpoint. Not inlined:
    // compiling the reference to EndpointDataSource loads its assembly.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void AddEndpointDataSource(IServiceCollection services) =>
        services.TryAddSingleton<EndpointDataSource>(new DefaultEndpointDataSource());

    private static HostApplicationBuilder CreateSlimHost(HostApplicationBuilderSettings settings, string[] args)
    {
        // The empty builder reads the environment and content root from the configuration it is given.
        settings.Configuration!.AddEnvironmentVariables("DOTNET_").AddCommandLine(args);
        var host = Host.CreateEmptyApplicationBuilder(settings);
        var environment = host.Environment.EnvironmentName;
        // No file watchers: settings are read once.
        host.Configuration
            .AddJsonFile("appsettings.json", optional: true, reloadOnChange: false)
            .AddJsonFile($"appsettings.{environment}.json", optional: true, reloadOnChange: false)
            .AddEnvironmentVariables()
            .AddCommandLine(args);
        host.Logging.AddConfiguration(host.Configuration.GetSection("Logging")).AddSimpleConsole();
        // As the full builder's default host: log scopes carry the request activity's trace and span ids.
        host.Logging.Configure(options => options.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId | ActivityTrackingOptions.ParentId);
        return host;
    }

}
