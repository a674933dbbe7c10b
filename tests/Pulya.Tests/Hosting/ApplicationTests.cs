using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pulya.Hosting;
using Pulya.Routing;
using static Pulya.Tests.TestApp;
using Pulya.Testing;

namespace Pulya.Tests.Hosting;

public abstract class ApplicationTests(TestTransport transport) : TransportTests(transport)
{
    [Fact]
    public async Task Serves_on_kestrel_at_the_address_given_by_urls()
    {
        await using var app = Build("--urls", "http://127.0.0.1:0");
        app.MapGet("/", () => "kestrel");
        await app.StartAsync();

        var url = Assert.Single(app.Urls);
        using var http = new HttpClient { BaseAddress = new Uri(url) };

        Assert.StartsWith("http://127.0.0.1:", url, StringComparison.Ordinal);
        Assert.Equal("kestrel", await http.GetStringAsync(new Uri("/", UriKind.Relative)));
        await app.StopAsync();
    }

    [Fact]
    public async Task Takes_endpoints_from_the_kestrel_section()
    {
        await using var app = Build("--Kestrel:Endpoints:Local:Url=http://127.0.0.1:0");
        app.MapGet("/", () => "section");
        await app.StartAsync();

        using var http = new HttpClient { BaseAddress = new Uri(Assert.Single(app.Urls)) };

        Assert.Equal("section", await http.GetStringAsync(new Uri("/", UriKind.Relative)));
        await app.StopAsync();
    }

    [Fact]
    public async Task The_bound_addresses_are_logged_with_their_actual_ports()
    {
        var logs = new CapturedLogs();
        await using var app = BuildWithLogs(logs, "--urls=http://127.0.0.1:0");
        app.MapGet("/", () => "x");
        await app.StartAsync();

        var url = Assert.Single(app.Urls);

        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Information && e.Message == $"Now listening on: {url}");
        Assert.DoesNotContain(":0", url, StringComparison.Ordinal);
        await app.StopAsync();
    }

    [Fact]
    public async Task Kestrel_endpoints_win_over_urls()
    {
        // Port 1 is privileged: binding it would fail the start.
        await using var app = Build("--urls=http://127.0.0.1:1", "--Kestrel:Endpoints:Local:Url=http://127.0.0.1:0");
        app.MapGet("/", () => "section");
        await app.StartAsync();

        using var http = new HttpClient { BaseAddress = new Uri(Assert.Single(app.Urls)) };

        Assert.Equal("section", await http.GetStringAsync(new Uri("/", UriKind.Relative)));
        await app.StopAsync();
    }

    [Fact]
    public async Task Prefer_hosting_urls_makes_urls_win_over_kestrel_endpoints()
    {
        // Port 1 is privileged: binding it would fail the start.
        await using var app = Build("--urls=http://127.0.0.1:0", "--preferHostingUrls=true", "--Kestrel:Endpoints:Local:Url=http://127.0.0.1:1");
        app.MapGet("/", () => "urls");
        await app.StartAsync();

        using var http = new HttpClient { BaseAddress = new Uri(Assert.Single(app.Urls)) };

        Assert.Equal("urls", await http.GetStringAsync(new Uri("/", UriKind.Relative)));
        await app.StopAsync();
    }

    [Theory]
    [InlineData(new string[0], new[] { "http://127.0.0.1:5000" })]
    [InlineData(new[] { "--urls=http://127.0.0.1:1; http://127.0.0.1:2" }, new[] { "http://127.0.0.1:1", "http://127.0.0.1:2" })]
    [InlineData(new[] { "--Kestrel:Endpoints:A:Url=http://127.0.0.1:3" }, new string[0])]
    [InlineData(new[] { "--HTTP_PORTS=8080; 8081", "--HTTPS_PORTS=8443" }, new[] { "http://*:8080", "http://*:8081", "https://*:8443" })]
    [InlineData(new[] { "--HTTPS_PORTS=8443" }, new[] { "https://*:8443" })]
    [InlineData(new[] { "--urls=http://127.0.0.1:1", "--HTTP_PORTS=8080" }, new[] { "http://127.0.0.1:1" })]
    public void Server_addresses_come_from_urls_then_ports_then_the_default_unless_kestrel_has_endpoints(string[] args, string[] expected)
    {
        var configuration = new ConfigurationBuilder().AddCommandLine(args).Build();

        Assert.Equal(expected, PulyaServer.ResolveUrls(configuration));
    }

    [Fact]
    public async Task A_service_that_cannot_be_created_fails_the_start_with_its_own_error()
    {
        var builder = PulyaApplication.CreateBuilder(["--urls", "http://127.0.0.1:0"]);
        builder.Logging.ClearProviders();
        builder.Services.AddHostedService<NeedsAnUnregisteredService>();
        await using var app = builder.Build();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => app.StartAsync());

        Assert.Contains(nameof(UnregisteredService), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Startup_hooks_run_once_in_order_even_when_start_is_requested_concurrently()
    {
        var order = new List<int>();
        await using var app = Build();
        app.MapGet("/", () => "x");
        app.OnStartup(async token => { await Task.Yield(); lock (order) { order.Add(1); } })
            .OnStartup(_ => { lock (order) { order.Add(2); } return Task.CompletedTask; })
            .OnShutdown(_ => { lock (order) { order.Add(3); } return Task.CompletedTask; });

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => app.StartAsync())));
        await app.StopAsync();
        await app.StopAsync();

        Assert.Equal([1, 2, 3], order);
    }

    [Fact]
    public async Task A_failing_startup_hook_stops_the_application_with_the_error_logged()
    {
        var logs = new CapturedLogs();
        var shutdown = 0;
        var builder = PulyaApplication.CreateBuilder(["--urls", "http://127.0.0.1:0"]);
        builder.Logging.ClearProviders().AddProvider(logs);
        await using var app = builder.Build();
        app.MapGet("/", () => "x");
        app.OnStartup(_ => throw new InvalidOperationException("database unreachable"))
            .OnShutdown(_ => { shutdown++; return Task.CompletedTask; });

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => app.StartAsync());

        Assert.Equal("database unreachable", error.Message);
        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Critical && e.Message.Contains("start-up hook failed", StringComparison.Ordinal));
        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Critical && e.Message.Contains("failed to start", StringComparison.Ordinal));
        Assert.Equal(1, shutdown);
    }

    [Fact]
    public async Task Routes_and_hooks_cannot_be_added_after_start()
    {
        await using var client = await StartAsync(app => app.MapGet("/", () => "x"));

        Assert.Throws<InvalidOperationException>(() => client.Application.MapGet("/late", () => "late"));
        Assert.Throws<InvalidOperationException>(() => client.Application.OnStartup(_ => Task.CompletedTask));
        Assert.Throws<InvalidOperationException>(() => client.Application.OnShutdown(_ => Task.CompletedTask));
    }

    [Fact]
    public async Task Every_verb_maps_and_unknown_methods_get_405()
    {
        await using var client = await StartAsync(app => app
            .MapGet("/r", () => "get").MapPost("/r", () => "post").MapPut("/r", () => "put")
            .MapDelete("/r", () => "delete").MapPatch("/r", () => "patch").Map("options", "/r", () => "options"));

        foreach (var method in new[] { "GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS" })
        {
            using var response = await client.Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), "/r"));
            Assert.Equal(method.ToLowerInvariant(), await response.Content.ReadAsStringAsync());
        }

        using var trace = await client.Client.SendAsync(new HttpRequestMessage(HttpMethod.Trace, "/r"));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, trace.StatusCode);
        Assert.Equal("DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT", string.Join(", ", trace.Content.Headers.Allow));
    }

    [Fact]
    public async Task Malformed_templates_are_refused_when_mapped()
    {
        await using var app = Build();

        Assert.Throws<RouteTemplateException>(() => app.MapGet("no-slash", () => "x"));
        Assert.Throws<ArgumentNullException>(() => app.MapGet("/", null!));
    }

    [Theory]
    [InlineData("--Pulya:Router=Nope", "Pulya:Router: 'Nope' is not registered. Registered: Linear.")]
    [InlineData("--Pulya:Serializer=Nope", "Pulya:Serializer: 'Nope' is not registered. Registered: SystemTextJson.")]
    [InlineData("--Pulya:PoolProvider=Nope", "Pulya:PoolProvider: 'Nope' is not registered. Registered: None.")]
    [InlineData("--Pulya:Router=Trie", "Pulya:Router: 'Trie' is not registered. Registered: Linear. Add the package Pulya.Routing.Trie and call builder.Pulya.AddTrieRouter().")]
    [InlineData("--Pulya:Serializer=NewtonsoftJson", "Pulya:Serializer: 'NewtonsoftJson' is not registered. Registered: SystemTextJson. Add the package Pulya.Serialization and call builder.Pulya.AddNewtonsoftJson().")]
    [InlineData("--Pulya:Serializer=MessagePack", "Add the package Pulya.Serialization and call builder.Pulya.AddMessagePack().")]
    [InlineData("--Pulya:PoolProvider=ObjectPool", "Pulya:PoolProvider: 'ObjectPool' is not registered. Registered: None. Add the package Pulya.Pooling and call builder.Pulya.AddPooling().")]
    [InlineData("--Pulya:PoolProvider=PerConnection", "Add the package Pulya.Pooling and call builder.Pulya.AddPooling().")]
    [InlineData("--Pulya:Pooling:Enabled=true", "Pulya:Pooling:Enabled: 'true' but no registered module reads the section 'Pulya:Pooling' (register the module). Module sections registered: none. Add the package Pulya.Pooling and call builder.Pulya.AddPooling().")]
    [InlineData("--Pulya:RouteCache:Enabled=True", "Pulya:RouteCache:Enabled: 'true' but no registered module reads the section 'Pulya:RouteCache' (register the module). Module sections registered: none. Add the package Pulya.Routing.Cached and call builder.Pulya.AddRouteCache().")]
    [InlineData("--Pulya:Sharding:Enabled=true", "Module sections registered: none.")]
    public async Task Unknown_module_names_fail_at_start_listing_the_registered_ones(string argument, string message)
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => StartAsync(app => app.MapGet("/", () => "x"), null, argument));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--Pulya:MaxRequestBodySize=0", "Pulya:MaxRequestBodySize: '0' is out of range; it must be at least 1 (bytes).")]
    [InlineData("--Pulya:MaxRequestBodySize=-1", "Pulya:MaxRequestBodySize: '-1' is out of range; it must be at least 1 (bytes).")]
    [InlineData("--Pulya:MaxRequestBodySize=big", "Failed to convert configuration value 'big' at 'Pulya:MaxRequestBodySize' to type 'System.Int64'.")]
    [InlineData("--Pulya:HeaderStrategy=99", "Pulya:HeaderStrategy: '99' is not one of First, Last, Warn, Forbid.")]
    [InlineData("--Pulya:ResponseBufferSize=1023", "Pulya:ResponseBufferSize: '1023' is out of range; it must be between 1024 and 67108864 (bytes).")]
    [InlineData("--Pulya:ResponseBufferSize=67108865", "Pulya:ResponseBufferSize: '67108865' is out of range; it must be between 1024 and 67108864 (bytes).")]
    [InlineData("--Pulya:MaxFormParts=0", "Pulya:MaxFormParts: '0' is out of range; it must be at least 1.")]
    [InlineData("--Pulya:MaxCollectedSequenceItems=0", "Pulya:MaxCollectedSequenceItems: '0' is out of range; it must be at least 1.")]
    public async Task Invalid_option_values_fail_at_start_naming_key_value_and_range(string argument, string message)
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => StartAsync(app => app.MapGet("/", () => "x"), null, argument));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public async Task Sub_sections_that_are_not_switched_on_need_no_module()
    {
        await using var client = await StartAsync(
            app => app.MapGet("/", () => "x"), null, "--Pulya:RouteCache:Enabled=false", "--Pulya:Other:Enabled=maybe", "--Pulya:Third:Size=1");

        Assert.Equal("x", await client.Client.GetStringAsync(Path("/")));
    }

    [Fact]
    public async Task An_invalid_option_is_logged_as_one_line_without_a_stack_trace()
    {
        var logs = new CapturedLogs();
        await using var app = BuildWithLogs(logs, "--Pulya:HeaderStrategy=7", "--Pulya:Router=Nope");
        app.MapGet("/", () => "x");

        await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        var entry = Assert.Single(logs.Entries);
        Assert.Equal((LogLevel.Critical, null), (entry.Level, entry.Exception));
        Assert.Equal(
            "Invalid configuration: Pulya:Router: 'Nope' is not registered. Registered: Linear.; Pulya:HeaderStrategy: '7' is not one of First, Last, Warn, Forbid.",
            entry.Message);
        Assert.DoesNotContain('\n', entry.Message);
    }

    [Fact]
    public async Task Invalid_options_of_several_types_are_reported_together_once_each()
    {
        var logs = new CapturedLogs();
        await using var app = BuildWithLogs(logs, "--Pulya:MaxRequestBodySize=0", "--Kestrel:Limits:MinResponseDataRate:GracePeriod=00:00:09");
        app.MapGet("/", () => "x");

        var error = await Assert.ThrowsAsync<AggregateException>(() => app.StartAsync());

        Assert.All(error.InnerExceptions, e => Assert.IsType<OptionsValidationException>(e));
        Assert.Equal(
            "Invalid configuration: Pulya:MaxRequestBodySize: '0' is out of range; it must be at least 1 (bytes).; "
            + "Kestrel:Limits:MinResponseDataRate:GracePeriod: '00:00:09' is set without Kestrel:Limits:MinResponseDataRate:BytesPerSecond, which it qualifies; set both, or neither.",
            Assert.Single(logs.Entries).Message);
    }

    [Fact]
    public async Task Run_async_with_an_invalid_option_returns_and_sets_exit_code_1()
    {
        var previous = Environment.ExitCode;
        var logs = new CapturedLogs();
        await using var app = BuildWithLogs(logs, "--urls", "http://127.0.0.1:0", "--Pulya:MaxRequestBodySize=0");
        app.MapGet("/", () => "x");
        try
        {
            await app.RunAsync().WaitAsync(TimeSpan.FromSeconds(30));

            Assert.Equal(1, Environment.ExitCode);
            Assert.Equal("Invalid configuration: Pulya:MaxRequestBodySize: '0' is out of range; it must be at least 1 (bytes).", Assert.Single(logs.Entries).Message);
        }
        finally
        {
            Environment.ExitCode = previous;
        }
    }

    [Fact]
    public async Task A_start_failure_that_is_not_an_option_is_logged_with_its_exception_and_thrown()
    {
        var logs = new CapturedLogs();
        await using var app = BuildWithLogs(logs);
        app.OnStartup(_ => throw new InvalidOperationException("hook failed"));

        await Assert.ThrowsAsync<InvalidOperationException>(() => app.RunAsync());

        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Critical && e.Exception?.Message == "hook failed");
    }

    [Fact]
    public async Task Run_async_returns_when_the_token_is_cancelled_and_runs_shutdown_hooks()
    {
        var stopped = false;
        await using var app = Build("--urls", "http://127.0.0.1:0");
        app.MapGet("/", () => "x");
        app.OnShutdown(_ => { stopped = true; return Task.CompletedTask; });
        using var cts = new CancellationTokenSource();
        var started = new TaskCompletionSource();
        app.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStarted.Register(started.SetResult);

        var run = app.RunAsync(cts.Token);
        await started.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await cts.CancelAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(stopped);
    }

    [Fact]
    public async Task Run_blocks_until_the_application_is_asked_to_stop()
    {
        var app = Build("--urls", "http://127.0.0.1:0");
        var started = new TaskCompletionSource();
        app.MapGet("/", () => "x");
        app.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStarted.Register(started.SetResult);

        var run = Task.Run(app.Run);
        await started.Task.WaitAsync(TimeSpan.FromSeconds(30));
        app.Services.GetRequiredService<IHostApplicationLifetime>().StopApplication();
        await run.WaitAsync(TimeSpan.FromSeconds(30));

        app.Dispose();
    }

    [Fact]
    public async Task Exposes_services_configuration_logger_and_router()
    {
        await using var client = await StartAsync(app => app.MapGet("/", () => "x"), null, "--Custom=1");
        var app = client.Application;

        Assert.Equal("1", app.Configuration["Custom"]);
        Assert.NotNull(app.Logger);
        Assert.IsType<LinearRouter>(app.Router);
        Assert.NotNull(app.Services.GetService<IOptions<PulyaOptions>>());
    }

    [Fact]
    public void Builder_exposes_environment_and_configuration()
    {
        var builder = PulyaApplication.CreateBuilder(["--Pulya:Router=Linear"]);

        Assert.Equal("Linear", builder.Configuration["Pulya:Router"]);
        Assert.NotNull(builder.Environment.EnvironmentName);
        Assert.Same(builder.Services, builder.Pulya.Services);
        Assert.Equal("Linear", builder.Pulya.Configuration["Router"]);
    }

    private static PulyaApplication BuildWithLogs(CapturedLogs logs, params string[] args)
    {
        var builder = PulyaApplication.CreateBuilder(args);
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(logs);
        builder.Logging.AddFilter<CapturedLogs>(null, LogLevel.Information);
        return builder.Build();
    }

    private static PulyaApplication Build(params string[] args)
    {
        var builder = PulyaApplication.CreateBuilder(args);
        builder.Logging.ClearProviders();
        return builder.Build();
    }

    private sealed class UnregisteredService;

    private sealed class NeedsAnUnregisteredService(UnregisteredService service) : BackgroundService
    {
        protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.FromResult(service);
    }

    /// <summary>The suite in memory.</summary>
    public sealed class OnTestServer() : ApplicationTests(TestTransport.TestServer);

    /// <summary>The suite over real Kestrel sockets.</summary>
    public sealed class OnKestrel() : ApplicationTests(TestTransport.Kestrel);
}
