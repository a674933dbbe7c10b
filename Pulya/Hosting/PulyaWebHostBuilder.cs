using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace Pulya.Hosting;

/// <summary>
/// The <see cref="IWebHostBuilder"/> behind <see cref="PulyaApplicationBuilder.WebHost"/>: it applies ASP.NET Core's server
/// extensions (<c>UseKestrel</c>, <c>ConfigureKestrel</c>, <c>UseKestrelHttpsConfiguration</c>, <c>UseUrls</c>, <c>UseSetting</c>)
/// to the application's services and configuration at once. There is no separate web host to build.
/// </summary>
internal sealed class PulyaWebHostBuilder(IServiceCollection services, IConfigurationManager configuration, IHostEnvironment environment) : IWebHostBuilder
{
    private readonly WebHostBuilderContext _context = new()
    {
        Configuration = configuration,
        HostingEnvironment = new WebHostEnvironment
        {
            ApplicationName = environment.ApplicationName,
            EnvironmentName = environment.EnvironmentName,
            ContentRootPath = environment.ContentRootPath,
            ContentRootFileProvider = environment.ContentRootFileProvider,
            WebRootPath = WebRoot(configuration, environment),
            WebRootFileProvider = WebRootFiles(WebRoot(configuration, environment)),
        },
    };

    /// <summary>The environment as ASP.NET Core's web host registers it, for middleware that asks for it (static files).</summary>
    public IWebHostEnvironment Environment => _context.HostingEnvironment;

    /// <summary>The web root as ASP.NET Core's host has it: the <c>webroot</c> setting, else <c>wwwroot</c>, under the content root.</summary>
    private static string WebRoot(IConfiguration configuration, IHostEnvironment environment) =>
        Path.Combine(environment.ContentRootPath, configuration[WebHostDefaults.WebRootKey] is { Length: > 0 } root ? root : "wwwroot");

    /// <summary>The web root's files when the folder exists (as ASP.NET Core's host), else none.</summary>
    private static IFileProvider WebRootFiles(string root) => Directory.Exists(root) ? new PhysicalFileProvider(root) : new NullFileProvider();

#pragma warning disable ASPDEPR008 // IWebHost is obsolete, but IWebHostBuilder still declares Build().
    public IWebHost Build() =>
        throw new NotSupportedException("The web host is part of the Pulya application: call PulyaApplicationBuilder.Build().");
#pragma warning restore ASPDEPR008

    public IWebHostBuilder ConfigureAppConfiguration(Action<WebHostBuilderContext, IConfigurationBuilder> configureDelegate)
    {
        ArgumentNullException.ThrowIfNull(configureDelegate);
        configureDelegate(_context, configuration);
        return this;
    }

    public IWebHostBuilder ConfigureServices(Action<IServiceCollection> configureServices)
    {
        ArgumentNullException.ThrowIfNull(configureServices);
        configureServices(services);
        return this;
    }

    public IWebHostBuilder ConfigureServices(Action<WebHostBuilderContext, IServiceCollection> configureServices)
    {
        ArgumentNullException.ThrowIfNull(configureServices);
        configureServices(_context, services);
        return this;
    }

    public string? GetSetting(string key) => configuration[key];

    public IWebHostBuilder UseSetting(string key, string? value)
    {
        configuration[key] = value;
        return this;
    }

    private sealed class WebHostEnvironment : IWebHostEnvironment
    {
        public required string ApplicationName { get; set; }

        public required string EnvironmentName { get; set; }

        public required string ContentRootPath { get; set; }

        public required IFileProvider ContentRootFileProvider { get; set; }

        public required string WebRootPath { get; set; }

        public required IFileProvider WebRootFileProvider { get; set; }
    }
}
