using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
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
/// <c>appsettings.{Environment}.json</c>, environment variables and the command line; logging; services; the
/// <c>Pulya</c> section bound to <see cref="PulyaOptions"/>. Created by <see cref="PulyaApplication.CreateBuilder"/>.
/// </summary>
public sealed class PulyaApplicationBuilder
{
    private readonly HostApplicationBuilder _host;

    internal PulyaApplicationBuilder(string[] args)
    {
        _host = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args });
        Pulya = _host.Services.AddPulya(_host.Configuration.GetSection("Pulya"));
    }

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

    /// <summary>Builds the application. Kestrel is the server unless another <see cref="IServer"/> was registered (e.g. the test server).</summary>
    public PulyaApplication Build()
    {
        var services = _host.Services;
        services.AddOptions<KestrelServerOptions>().Configure<IServiceProvider>((options, provider) =>
        {
            options.ApplicationServices = provider;
            options.AddServerHeader = false;
            KestrelLimitsBinding.Bind(_host.Configuration.GetSection("Kestrel:Limits"), options.Limits);
        }).ValidateOnStart();
        services.TryAddSingleton<IConnectionListenerFactory, SocketTransportFactory>();
        services.TryAddSingleton<IServer, KestrelServer>();
        services.AddSingleton<RouteRegistry>();
        services.AddSingleton<LifecycleHooks>();
        services.AddScoped<RequestHolder>();
        services.AddScoped(sp => sp.GetRequiredService<RequestHolder>().Request
            ?? throw new InvalidOperationException("PulyaRequest is only available in a request's scope."));
        services.AddMetrics();
        services.TryAddSingleton<PulyaMetrics>();
        services.AddSingleton<PulyaServer>();
        services.AddHostedService(sp => sp.GetRequiredService<PulyaServer>());
        services.AddSingleton(new ServiceLifetimes(services));
        return new PulyaApplication(_host.Build());
    }
}
