using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Pulya.Hosting;

namespace Pulya.Tests.Hosting;

/// <summary><see cref="PulyaApplication.CreateSlimBuilder"/>: the same application with fewer host services.</summary>
public sealed class SlimBuilderTests
{
    [Fact]
    public async Task A_slim_application_serves_on_kestrel_with_configuration_from_the_command_line()
    {
        await using var app = PulyaApplication.CreateSlimBuilder(["--urls=http://127.0.0.1:0", "--Greeting=slim"]).Build();
        app.MapGet("/", () => app.Configuration["Greeting"]);
        await app.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(Assert.Single(app.Urls)) };

        Assert.Equal("slim", await http.GetStringAsync(new Uri("/", UriKind.Relative)));
        await app.StopAsync();
    }

    [Fact]
    public void Settings_files_are_read_once_without_watching_them()
    {
        var slim = FileSources(PulyaApplication.CreateSlimBuilder());
        var full = FileSources(PulyaApplication.CreateBuilder());

        Assert.Equal(["appsettings.json", "appsettings.Production.json"], slim.Select(s => s.Path));
        Assert.All(slim, source => Assert.False(source.ReloadOnChange));
        Assert.Contains(full, source => source.ReloadOnChange);
    }

    [Fact]
    public async Task Logs_to_the_console_only_and_registers_no_http3_transport()
    {
        await using var slim = PulyaApplication.CreateSlimBuilder().Build();
        await using var full = PulyaApplication.CreateBuilder().Build();

        Assert.IsType<ConsoleLoggerProvider>(Assert.Single(slim.Services.GetServices<ILoggerProvider>()));
        Assert.True(full.Services.GetServices<ILoggerProvider>().Count() > 1);
        Assert.Empty(slim.Services.GetServices<IMultiplexedConnectionListenerFactory>());
    }

    private static List<FileConfigurationSource> FileSources(PulyaApplicationBuilder builder) =>
        [.. ((IConfigurationBuilder)builder.Configuration).Sources.OfType<FileConfigurationSource>()];
}
