using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Pulya.Hosting;

namespace Pulya.Tests.Hosting;

/// <summary><see cref="PulyaApplicationBuilder.WebHost"/>: ASP.NET Core's server extensions applied to a Pulya application.</summary>
public sealed class WebHostBuilderTests
{
    [Fact]
    public async Task Use_urls_sets_the_listen_address()
    {
        var builder = PulyaApplication.CreateBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        await using var app = builder.Build();
        app.MapGet("/", () => "use-urls");
        await app.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(Assert.Single(app.Urls)) };

        Assert.Equal("use-urls", await http.GetStringAsync(new Uri("/", UriKind.Relative)));
        await app.StopAsync();
    }

    [Fact]
    public async Task Configure_kestrel_listens_on_endpoints_from_code_with_the_environment_at_hand()
    {
        var builder = PulyaApplication.CreateBuilder(["--environment=Testing"]);
        builder.Logging.ClearProviders();
        string? environment = null;
        builder.WebHost.ConfigureKestrel((context, options) =>
        {
            environment = context.HostingEnvironment.EnvironmentName;
            options.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2);
        });
        await using var app = builder.Build();
        app.MapGet("/", () => "coded");
        await app.StartAsync();
        using var http = new HttpClient
        {
            BaseAddress = new Uri(Assert.Single(app.Urls)),
            DefaultRequestVersion = HttpVersion.Version20,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };

        using var response = await http.GetAsync(new Uri("/", UriKind.Relative));

        Assert.Equal("Testing", environment);
        Assert.Equal(HttpVersion.Version20, response.Version);
        Assert.Equal("coded", await response.Content.ReadAsStringAsync());
        await app.StopAsync();
    }

    [Fact]
    public void Settings_and_configuration_sources_go_to_the_application_configuration()
    {
        var builder = PulyaApplication.CreateBuilder();

        builder.WebHost.UseSetting("Custom", "1");
        builder.WebHost.ConfigureAppConfiguration((context, configuration) =>
            configuration.AddInMemoryCollection([new("FromSource", context.HostingEnvironment.ContentRootPath)]));

        Assert.Equal("1", builder.WebHost.GetSetting("Custom"));
        Assert.Equal("1", builder.Configuration["Custom"]);
        Assert.Equal(builder.Environment.ContentRootPath, builder.Configuration["FromSource"]);
    }

    [Fact]
    public void The_web_host_cannot_be_built_on_its_own()
    {
        var builder = PulyaApplication.CreateBuilder();

#pragma warning disable ASPDEPR008 // Build() is obsolete on the interface; calling it anyway must explain itself.
        Assert.Throws<NotSupportedException>(() => builder.WebHost.Build());
#pragma warning restore ASPDEPR008
    }
}
