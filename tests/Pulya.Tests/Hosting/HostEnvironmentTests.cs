using Microsoft.Extensions.Logging;
using Pulya.Hosting;

namespace Pulya.Tests.Hosting;

/// <summary>
/// What every .NET container image and <c>dotnet run</c> user relies on: <c>ASPNETCORE_*</c> variables and a content root
/// that holds the application's <c>appsettings.json</c> wherever it was started from.
/// </summary>
[Collection(nameof(ProcessStateCollection))]
public sealed class HostEnvironmentTests
{
    [Fact]
    public async Task Aspnetcore_urls_sets_the_listen_address()
    {
        using var _ = new ScopedVariable("ASPNETCORE_URLS", "http://127.0.0.1:0");
        await using var app = Build(PulyaApplication.CreateBuilder());
        app.MapGet("/", () => "from ASPNETCORE_URLS");
        await app.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(Assert.Single(app.Urls)) };

        Assert.Equal("from ASPNETCORE_URLS", await http.GetStringAsync(new Uri("/", UriKind.Relative)));
        await app.StopAsync();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Aspnetcore_environment_names_the_environment(bool slim)
    {
        using var _ = new ScopedVariable("ASPNETCORE_ENVIRONMENT", "Staging");

        var builder = slim ? PulyaApplication.CreateSlimBuilder() : PulyaApplication.CreateBuilder();

        Assert.Equal("Staging", builder.Environment.EnvironmentName);
    }

    [Fact]
    public void Aspnetcore_ports_become_server_addresses()
    {
        using var http = new ScopedVariable("ASPNETCORE_HTTP_PORTS", "8080");
        using var https = new ScopedVariable("ASPNETCORE_HTTPS_PORTS", "8443");

        var builder = PulyaApplication.CreateBuilder();

        Assert.Equal(["http://*:8080", "https://*:8443"], PulyaServer.ResolveUrls(builder.Configuration));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void The_application_folder_is_the_content_root_when_it_holds_appsettings_wherever_the_process_started(bool slim)
    {
        var elsewhere = Directory.CreateTempSubdirectory("pulya-cwd-");
        var previous = Directory.GetCurrentDirectory();
        try
        {
            Directory.SetCurrentDirectory(elsewhere.FullName);

            var builder = slim ? PulyaApplication.CreateSlimBuilder() : PulyaApplication.CreateBuilder();

            Assert.Equal(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory), Path.TrimEndingDirectorySeparator(builder.Environment.ContentRootPath));
            // The application's appsettings.json (next to the test assembly) is read.
            Assert.Equal("Warning", builder.Configuration["Logging:LogLevel:Microsoft.AspNetCore"]);
        }
        finally
        {
            Directory.SetCurrentDirectory(previous);
            elsewhere.Delete(recursive: true);
        }
    }

    [Fact]
    public void Without_appsettings_in_the_application_folder_the_working_directory_is_the_content_root()
    {
        var folder = Directory.CreateTempSubdirectory("pulya-app-");
        try
        {
            Assert.Equal(Directory.GetCurrentDirectory(), PulyaApplicationBuilder.DefaultContentRoot(folder.FullName));
        }
        finally
        {
            folder.Delete();
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Content_root_from_the_command_line_or_environment_wins(bool slim)
    {
        var folder = Directory.CreateTempSubdirectory("pulya-root-");
        try
        {
            var fromArgs = slim ? PulyaApplication.CreateSlimBuilder([$"--contentRoot={folder.FullName}"]) : PulyaApplication.CreateBuilder([$"--contentRoot={folder.FullName}"]);
            using var _ = new ScopedVariable("ASPNETCORE_CONTENTROOT", folder.FullName);
            var fromEnvironment = slim ? PulyaApplication.CreateSlimBuilder() : PulyaApplication.CreateBuilder();

            Assert.Equal(folder.FullName, fromArgs.Environment.ContentRootPath.TrimEnd(Path.DirectorySeparatorChar));
            Assert.Equal(folder.FullName, fromEnvironment.Environment.ContentRootPath.TrimEnd(Path.DirectorySeparatorChar));
        }
        finally
        {
            folder.Delete();
        }
    }

    private static PulyaApplication Build(PulyaApplicationBuilder builder)
    {
        builder.Logging.ClearProviders();
        return builder.Build();
    }

    private sealed class ScopedVariable : IDisposable
    {
        private readonly string _name;
        private readonly string? _previous;

        public ScopedVariable(string name, string value)
        {
            _name = name;
            _previous = Environment.GetEnvironmentVariable(name);
            Environment.SetEnvironmentVariable(name, value);
        }

        public void Dispose() => Environment.SetEnvironmentVariable(_name, _previous);
    }
}
