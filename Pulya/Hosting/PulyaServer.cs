using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pulya.Binding;
using Pulya.Diagnostics;
using Pulya.Http;
using Pulya.Pipeline;
using Pulya.Routing;
using Pulya.Serialization;
using Pulya.Validation;

namespace Pulya.Hosting;

/// <summary>
/// Starts the server with Pulya's pipeline: runs the start-up hooks, freezes the route table, compiles every handler,
/// builds the selected router and prepares serializer metadata, then starts the server (Kestrel, or the test server).
/// On stop, lets requests in flight complete, then runs the shut-down hooks.
/// </summary>
internal sealed partial class PulyaServer(
    IServer server,
    RouteRegistry routes,
    LifecycleHooks hooks,
    PulyaModules modules,
    IServiceProvider services,
    IConfiguration configuration,
    ILoggerFactory loggerFactory) : IHostedService
{
    /// <summary>The address used when neither the <c>Kestrel:Endpoints</c> section, nor <c>urls</c>, nor <c>HTTP_PORTS</c>/<c>HTTPS_PORTS</c> give one.</summary>
    public const string DefaultUrl = "http://127.0.0.1:5000";

    /// <summary>Kestrel's default <see cref="KestrelServerLimits.MaxRequestBodySize"/> (30,000,000 bytes).</summary>
    private static readonly long? KestrelDefaultBodyLimit = new KestrelServerLimits().MaxRequestBodySize;

    private readonly ILogger _logger = loggerFactory.CreateLogger("Pulya.Server");
    private Task _negotiablePrepared = Task.CompletedTask;
    private bool _starting;

    /// <summary>The router serving requests, once started.</summary>
    public IRouter? Router { get; private set; }

    /// <summary>The pipeline serving requests, once started.</summary>
    public PulyaHttpApplication? Application { get; private set; }

    /// <summary>
    /// Starts Pulya's pipeline and the server, once: the application calls it before starting the host (so that a failure
    /// is reported once); the host's call, as a hosted service, then finds it started.
    /// </summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (_starting)
        {
            return;
        }

        _starting = true;
        await hooks.RunStartupAsync(cancellationToken);

        var options = modules.Options;
        var routeMiddleware = new Dictionary<RouteEntry, IPulyaMiddleware[]>(ReferenceEqualityComparer.Instance);
        var table = routes.Build(modules.Binder, routeMiddleware, services.GetService<EndpointValidation>());
        ThrowIfAuthorizationUnenforced(table, routes.RoutedMiddleware.Count);
        Router = modules.CreateRouter(table);
        RouteTableExport.WriteIfAsked(configuration, services, options, routes, table);
        var serializers = new SerializerSelector(modules.Serializers());
        var types = PreparedTypes(table);
        foreach (var type in types)
        {
            // The default serializer must handle every type: a failure stops the start-up.
            serializers.Default.Prepare(type);
        }

        // Kestrel reads its limits from these options when it starts (the test server has none of its own).
        var maxBodySize = ApplyBodyLimit(services.GetRequiredService<IOptions<KestrelServerOptions>>().Value.Limits, options.MaxRequestBodySize);
        // Routed middleware that writes problems (the ASP.NET Core bridge over IProblemDetailsService) replaces Pulya's writer.
        var problems = routes.RoutedMiddleware.OfType<IProblemWriter>().FirstOrDefault();
        var pipeline = new PipelineServices(options, services.GetRequiredService<IServiceScopeFactory>(), loggerFactory, Router, serializers, maxBodySize, problems);
        Application = new PulyaHttpApplication(
            pipeline, modules.PoolProvider, services.GetService<PulyaTelemetry>(), new PipelineMiddleware(routes.Middleware, routeMiddleware, routes.RoutedMiddleware));
        ConfigureAddresses();

        // Kestrel binds its endpoints one after another and an endpoint bound early accepts requests at once: they wait in
        // the pipeline until every endpoint is bound and the readiness lines are written.
        Application.Hold();
        try
        {
            await server.StartAsync(Application, cancellationToken);
            LogStarted(_logger, routes.Count, options.Router, serializers.Default.GetType().Name, options.PoolProvider);
            // The bound addresses (with the actual port when 0 was asked for); the test server has none.
            foreach (var address in server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [])
            {
                LogListening(_logger, address);
            }
        }
        finally
        {
            // A failed start releases what it held too: those requests are answered while the host stops.
            Application.Release();
        }

        // The formats registered for negotiation warm their metadata once the server listens, off the first response's
        // path (a request that negotiates one earlier builds what it needs itself); stopping waits for it.
        if (serializers.All.Count > 1)
        {
            _negotiablePrepared = Task.Run(() => PrepareNegotiable(types, serializers), CancellationToken.None);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _negotiablePrepared;
        if (Application is not null)
        {
            await server.StopAsync(cancellationToken);
        }

        await hooks.RunShutdownAsync(cancellationToken);
    }

    /// <summary>
    /// Refuses to start when a route asks for ASP.NET Core authorization (<c>RequireAuthorization</c>: an
    /// <see cref="IAuthorizeData"/> or <see cref="AuthorizationPolicy"/> in its metadata) and no routed middleware (the ASP.NET
    /// Core bridge) could enforce it: the route would be open to anyone. Minimal APIs refuse the same way.
    /// </summary>
    internal static void ThrowIfAuthorizationUnenforced(RouteTable table, int routedMiddleware)
    {
        // Metadata of those types can exist only once their assemblies are loaded; asking first keeps an application that
        // uses no authorization from loading them just to look.
        if (routedMiddleware == 0 && AuthorizationTypesLoaded() && table.Routes.FirstOrDefault(r => r.Metadata.Any(IsAuthorization)) is { } route)
        {
            throw new InvalidOperationException(
                $"The route {route} requires authorization, but the application runs no ASP.NET Core middleware to enforce it: call "
                + "app.UseAspNetCore(web => { web.UseAuthentication(); web.UseAuthorization(); }) (package Pulya.AspNetCore).");
        }
    }

    private static bool AuthorizationTypesLoaded() =>
        AppDomain.CurrentDomain.GetAssemblies().Any(a => a.GetName().Name is "Microsoft.AspNetCore.Authorization" or "Microsoft.AspNetCore.Metadata");

    private static bool IsAuthorization(object metadata) => metadata is IAuthorizeData or AuthorizationPolicy;

    /// <summary>The body and result types the serializers are asked to prepare: those a handler can hand to a serializer.</summary>
    private static HashSet<Type> PreparedTypes(RouteTable table)
    {
        var types = new HashSet<Type>();
        foreach (var route in table.Routes)
        {
            var endpoint = (EndpointBinding)route.Endpoint!;
            if (endpoint.BodyType is { } body)
            {
                types.Add(body);
            }

            if (endpoint.ResultType != typeof(void) && endpoint.ResultType != typeof(object) && !endpoint.ResultType.IsAbstract && !endpoint.ResultType.IsInterface
                && endpoint.ResultType != typeof(string) && endpoint.ResultType != typeof(Http.Response) && endpoint.ResultType != typeof(byte[]))
            {
                types.Add(endpoint.ResultType);
            }
        }

        return types;
    }

    private void PrepareNegotiable(HashSet<Type> types, SerializerSelector serializers)
    {
        foreach (var type in types)
        {
            foreach (var serializer in serializers.All.Skip(1))
            {
                // A negotiable format that cannot handle a type (e.g. MessagePack and a non-public type) is not fatal:
                // a request that negotiates it for that type fails then, and the log says why now.
                try
                {
                    serializer.Prepare(type);
                }
                catch (Exception ex)
                {
                    LogPrepareFailed(_logger, ex, serializer.GetType().Name, type.FullName);
                }
            }
        }
    }

    /// <summary>
    /// Makes the stricter body limit Kestrel's and returns it: <c>Pulya:MaxRequestBodySize</c>, unless Kestrel's own was set
    /// lower (<c>Kestrel:Limits:MaxRequestBodySize</c> or in code). Kestrel's untouched default (30 MB) caps nothing. Kestrel
    /// then holds a handler that reads the raw body to the same limit as a bound body.
    /// </summary>
    internal static long ApplyBodyLimit(KestrelServerLimits limits, long pulyaLimit)
    {
        if (limits.MaxRequestBodySize is not { } serverLimit || serverLimit >= pulyaLimit || serverLimit == KestrelDefaultBodyLimit)
        {
            limits.MaxRequestBodySize = pulyaLimit;
        }

        return limits.MaxRequestBodySize!.Value;
    }

    private void ConfigureAddresses()
    {
        // Kestrel has the feature; the in-memory test server has none.
        if (server.Features.Get<IServerAddressesFeature>() is { } addresses)
        {
            // As ASP.NET Core's host: preferHostingUrls=true makes these addresses win over Kestrel's configured or coded endpoints.
            addresses.PreferHostingUrls = configuration.GetValue("preferHostingUrls", false);
            foreach (var url in ResolveUrls(configuration))
            {
                addresses.Addresses.Add(url);
            }
        }
    }

    /// <summary>
    /// The addresses handed to the server, as ASP.NET Core's host does: <c>urls</c> (<c>--urls a;b</c>, <c>ASPNETCORE_URLS</c>),
    /// else <c>HTTP_PORTS</c>/<c>HTTPS_PORTS</c> (<c>ASPNETCORE_HTTP_PORTS=8080</c> is <c>http://*:8080</c>), else, when the
    /// <c>Kestrel:Endpoints</c> section names no endpoint either, <see cref="DefaultUrl"/>. Kestrel binds its configured or
    /// coded endpoints instead of these addresses when it has any.
    /// </summary>
    internal static IReadOnlyList<string> ResolveUrls(IConfiguration configuration)
    {
        var urls = configuration["urls"];
        if (string.IsNullOrWhiteSpace(urls))
        {
            urls = $"{Ports(configuration["http_ports"], "http")};{Ports(configuration["https_ports"], "https")}";
        }

        var addresses = urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return addresses.Length == 0 && !configuration.GetSection("Kestrel:Endpoints").GetChildren().Any() ? [DefaultUrl] : addresses;

        static string Ports(string? ports, string scheme) =>
            string.Join(';', (ports ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(port => $"{scheme}://*:{port}"));
    }

    [LoggerMessage(22, LogLevel.Information, "Now listening on: {Address}")]
    private static partial void LogListening(ILogger logger, string address);

    [LoggerMessage(21, LogLevel.Warning, "Serializer {Serializer} cannot handle {Type}; requests that negotiate it for this type will fail.")]
    private static partial void LogPrepareFailed(ILogger logger, Exception exception, string serializer, string? type);

    [LoggerMessage(20, LogLevel.Information, "Pulya started: {RouteCount} routes mapped, router {Router}, default serializer {Serializer}, pool provider {PoolProvider}.")]
    private static partial void LogStarted(ILogger logger, int routeCount, string router, string serializer, string poolProvider);
}
