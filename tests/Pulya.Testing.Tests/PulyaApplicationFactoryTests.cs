using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pulya.Hosting;
using Pulya.Sample;
using Pulya.Testing;
using Pulya.Testing.TestApp;

namespace Pulya.Testing.Tests;

/// <summary><see cref="PulyaApplicationFactory{TEntryPoint}"/> runs the sample's own, unchanged <c>Program.cs</c> in-process.</summary>
public sealed class PulyaApplicationFactoryTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Runs_the_sample_program_on_the_test_server()
    {
        await using var factory = new PulyaApplicationFactory<Program>();
        using var client = await factory.CreateClientAsync().WaitAsync(Timeout);

        Assert.Equal("""{"success":true}""", await client.GetStringAsync(new Uri("/", UriKind.Relative)));
        Assert.Contains("<User /wiring/alice>", await client.GetStringAsync(new Uri("/wiring/alice", UriKind.Relative)), StringComparison.Ordinal);
        Assert.Equal("Pulya.Sample", factory.Services.GetRequiredService<IHostEnvironment>().ApplicationName);
    }

    [Fact]
    public async Task Settings_from_the_test_reach_the_program()
    {
        await using var factory = new PulyaApplicationFactory<Program>().UseSetting(GitHubRoutes.ConfigurationKey, "true");
        using var client = await factory.CreateClientAsync().WaitAsync(Timeout);

        using var github = await client.GetAsync(new Uri("/authorizations/12", UriKind.Relative));
        using var sample = await client.GetAsync(new Uri("/wiring/alice", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, github.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, sample.StatusCode);
    }

    [Fact]
    public async Task Services_from_the_test_replace_the_programs()
    {
        await using var factory = new PulyaApplicationFactory<Program>()
            .ConfigureServices(services => services.PostConfigure<PulyaOptions>(options => options.MaxRequestBodySize = 16));
        using var client = await factory.CreateClientAsync().WaitAsync(Timeout);

        using var content = new StringContent("""{"items":[{"a":"a long enough value"}]}""", Encoding.UTF8, "application/json");
        using var response = await client.PostAsync(new Uri("/echo", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(16, factory.Services.GetRequiredService<IOptions<PulyaOptions>>().Value.MaxRequestBodySize);
    }

    [Fact]
    public async Task Arguments_are_the_programs_command_line()
    {
        await using var factory = new PulyaApplicationFactory<Program>().UseArguments("--environment=Testing");
        await factory.StartAsync().WaitAsync(Timeout);
        await factory.StartAsync().WaitAsync(Timeout);

        Assert.Equal("Testing", factory.Services.GetRequiredService<IHostEnvironment>().EnvironmentName);
    }

    [Fact]
    public async Task The_sample_runs_on_the_slim_builder_when_asked()
    {
        await using var factory = new PulyaApplicationFactory<Program>().UseArguments($"--{SampleApp.SlimBuilderKey}=true");
        using var client = await factory.CreateClientAsync().WaitAsync(Timeout);

        Assert.Equal("""{"success":true}""", await client.GetStringAsync(new Uri("/", UriKind.Relative)));
        // The slim builder logs to the console only.
        Assert.Single(factory.Services.GetServices<ILoggerProvider>(), provider => provider is not CriticalLogCollector);
    }

    [Fact]
    public async Task Disposing_stops_the_application_and_waits_for_the_program()
    {
        var factory = new PulyaApplicationFactory<Program>();
        await factory.StartAsync().WaitAsync(Timeout);
        var stopped = factory.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopped;

        await factory.DisposeAsync().AsTask().WaitAsync(Timeout);

        Assert.True(stopped.IsCancellationRequested);
    }

    [Fact]
    public async Task A_program_that_fails_to_start_fails_the_start_with_its_error()
    {
        // The program's RunAsync logs the failure of a hosted service as one line, sets exit code 1 and returns.
        await using var throwing = new PulyaApplicationFactory<Program>()
            .ConfigureServices(services => services.AddHostedService<FailingService>());

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => throwing.StartAsync().WaitAsync(Timeout));

        Assert.EndsWith($"It logged: The application failed to start: {FailingService.Message}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_program_that_gives_up_on_invalid_configuration_is_explained_by_its_log()
    {
        await using var factory = new PulyaApplicationFactory<Program>().UseArguments("--Pulya:Router=Nope");

        var exitCode = Environment.ExitCode;

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => factory.StartAsync().WaitAsync(Timeout));

        Assert.Contains("returned without starting a Pulya application. It logged: Invalid configuration: Pulya:Router", error.Message, StringComparison.Ordinal);
        // The program set exit code 1 for itself; the test process keeps its own.
        Assert.Equal(exitCode, Environment.ExitCode);
    }

    [Fact]
    public async Task A_program_that_starts_no_application_is_reported()
    {
        // The test assembly's own entry point (generated by the test SDK) builds no host.
        await using var factory = new PulyaApplicationFactory<PulyaApplicationFactoryTests>();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => factory.StartAsync().WaitAsync(Timeout));

        Assert.Contains("returned without starting a Pulya application", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_assembly_without_an_entry_point_is_refused()
    {
        await using var factory = new PulyaApplicationFactory<PulyaApplication>();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => factory.StartAsync());

        Assert.Contains("has no entry point", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Configuration_is_refused_once_started_and_services_before()
    {
        await using var factory = new PulyaApplicationFactory<Program>();

        Assert.Throws<InvalidOperationException>(() => factory.Services);
        await factory.StartAsync().WaitAsync(Timeout);

        Assert.Throws<InvalidOperationException>(() => factory.UseSetting("Key", "value"));
        Assert.Throws<InvalidOperationException>(() => factory.UseArguments("--Key=value"));
        Assert.Throws<InvalidOperationException>(() => factory.ConfigureServices(_ => { }));
    }

    [Fact]
    public async Task Settings_the_build_does_not_copy_are_read_from_the_application_project_folder()
    {
        // The test output holds the sample's appsettings.json, not this application's: its own is read where dotnet run reads it.
        await using var factory = new PulyaApplicationFactory<TestAppEntry>();
        using var client = await factory.CreateClientAsync().WaitAsync(Timeout);

        Assert.Equal("hello from the project's appsettings.json", await client.GetStringAsync(new Uri("/", UriKind.Relative)));
        var root = factory.Services.GetRequiredService<IHostEnvironment>().ContentRootPath;
        Assert.True(File.Exists(Path.Combine(root, "Pulya.Testing.TestApp.csproj")), root);
    }

    [Fact]
    public async Task An_explicit_content_root_wins_over_the_project_folder()
    {
        var empty = Directory.CreateTempSubdirectory("pulya-content-root-");
        try
        {
            await using var factory = new PulyaApplicationFactory<TestAppEntry>().UseContentRoot(empty.FullName);

            var error = await Assert.ThrowsAsync<InvalidOperationException>(() => factory.StartAsync().WaitAsync(Timeout));

            Assert.Equal("Greeting:Text is not configured.", error.Message);
            Assert.Throws<ArgumentException>(() => new PulyaApplicationFactory<TestAppEntry>().UseContentRoot(string.Empty));
        }
        finally
        {
            empty.Delete(recursive: true);
        }
    }

    [Fact]
    public void Without_a_project_folder_a_failed_start_says_what_is_missing()
    {
        var empty = Directory.CreateTempSubdirectory("pulya-no-project-");
        try
        {
            var assembly = typeof(TestAppEntry).Assembly;

            Assert.Null(ContentRootLocator.Find(assembly, empty.FullName));
            // The walk stops at a repository's root: a folder holding a solution file.
            var repository = empty.CreateSubdirectory("repository");
            File.WriteAllText(Path.Combine(repository.FullName, "App.sln"), string.Empty);
            Assert.Null(ContentRootLocator.Find(assembly, repository.CreateSubdirectory("tests").FullName));
            Assert.Equal(
                $"The content root of Pulya.Testing.TestApp could not be located: no folder Pulya.Testing.TestApp holding Pulya.Testing.TestApp.csproj was found above {empty.FullName}, "
                + "and the test output holds no appsettings.json. If the application reads appsettings.json, copy it to the test output "
                + "(<Content Include=\"path/to/Pulya.Testing.TestApp/appsettings.json\" CopyToOutputDirectory=\"PreserveNewest\" />) or call UseContentRoot(path).",
                ContentRootLocator.Missing(assembly, empty.FullName));
        }
        finally
        {
            empty.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData(nameof(ThrowingProgram), "Greeting:Text is not configured. Settings are missing.")]
    [InlineData(nameof(ReturningProgram), "The entry point of Pulya.Testing.Tests returned without starting a Pulya application. Settings are missing.")]
    public async Task A_program_that_fails_to_start_is_explained_with_what_may_be_missing(string program, string message)
    {
        var interception = new HostInterception(_ => { }, () => [], "Settings are missing.");

        interception.Run(typeof(PulyaApplicationFactoryTests).GetMethod(program, System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!, []);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => interception.Started.WaitAsync(Timeout));
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void An_error_reported_by_the_hosting_listener_fails_a_waiting_start()
    {
        var interception = new HostInterception(_ => { }, () => []);
        var error = new InvalidOperationException("listener failed");

        interception.OnError(error);

        Assert.Same(error, interception.Started.Exception?.InnerException);
    }

    [Fact]
    public void The_critical_log_keeps_critical_entries_only_and_ignores_scopes()
    {
        using var collector = new CriticalLogCollector();
        var logger = collector.CreateLogger("Pulya");

        using (logger.BeginScope("request"))
        {
            logger.LogCritical("down");
            logger.LogError("noise");
        }

        Assert.Equal(["down"], collector.Entries);
    }

    private static void ThrowingProgram(string[] args) => throw new InvalidOperationException("Greeting:Text is not configured.");

    private static void ReturningProgram(string[] args)
    {
    }

    private sealed class FailingService : IHostedService
    {
        public const string Message = "the database is unreachable";

        public Task StartAsync(CancellationToken cancellationToken) => throw new InvalidOperationException(Message);

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
