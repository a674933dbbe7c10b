using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pulya.Hosting;
using Pulya.Testing.Conformance.Hosting;
using Pulya.Serialization;

namespace Pulya.Reliability.Tests.Hosting;

/// <summary>
/// The conformance application with every module registered, plus <see cref="TestRoutes"/>, on real Kestrel at
/// <c>http://127.0.0.1:0</c>, under a <see cref="ServerProfile"/>. Pool rents are counted, logs captured, shut-down hook runs counted.
/// </summary>
public sealed class ReliabilityServer : IAsyncDisposable
{
    /// <summary>Settings every suite needs on top of the profile: an ephemeral port on loopback, a short grace period for the minimum body data rate.</summary>
    public static readonly string[] CommonArguments =
    [
        "--urls=http://127.0.0.1:0",
        "--Logging:LogLevel:Default=Warning",
        "--Logging:LogLevel:Pulya=Information",
        "--Kestrel:Limits:MinRequestBodyDataRate:BytesPerSecond=100",
        "--Kestrel:Limits:MinRequestBodyDataRate:GracePeriod=00:00:02",
    ];

    private int _shutdownHookRuns;
    private bool _stopped;

    private ReliabilityServer(ServerProfile profile, PulyaApplication app, PoolCounter pool, CapturedLog log)
    {
        Profile = profile;
        App = app;
        Pool = pool;
        Log = log;
    }

    public ServerProfile Profile { get; }

    public PulyaApplication App { get; }

    public PoolCounter Pool { get; }

    public CapturedLog Log { get; }

    public SignalBoard Signals { get; } = new();

    public int Port { get; private set; }

    /// <summary>Every serializer registered in the application by name, the selected default first (the order the pipeline matches Content-Type in).</summary>
    public IReadOnlyList<(string Name, IPulyaSerializer Serializer)> Serializers { get; private set; } = [];

    public int ShutdownHookRuns => Volatile.Read(ref _shutdownHookRuns);

    /// <summary>Pooled request objects still rented when the shut-down hook ran (0: every request had completed).</summary>
    public long OutstandingAtShutdownHook { get; private set; } = -1;

    public static async Task<ReliabilityServer> StartAsync(string profileName, params string[] extraArguments)
    {
        var probe = PulyaApplication.CreateBuilder([]);
        ConfigureServices(probe);
        var profile = ServerProfile.Load(profileName, probe.Services);

        var builder = PulyaApplication.CreateBuilder([.. profile.Arguments, .. CommonArguments, .. extraArguments]);
        ConfigureServices(builder);
        var pool = new PoolCounter();
        CountingPoolProvider.Install(builder.Services, pool);
        var log = new CapturedLog();
        builder.Logging.AddProvider(log);
        var app = builder.Build();
        var server = new ReliabilityServer(profile, app, pool, log);
        ConformanceApp.MapRoutes(app);
        TestRoutes.Map(app, server.Signals);
        app.OnShutdown(_ =>
        {
            server.OutstandingAtShutdownHook = pool.Outstanding;
            Interlocked.Increment(ref server._shutdownHookRuns);
            return Task.CompletedTask;
        });

        await app.StartAsync();
        var url = app.Urls.Single();
        server.Port = new Uri(url).Port;
        var selected = app.Services.GetRequiredService<IOptions<PulyaOptions>>().Value.Serializer;
        server.Serializers = [.. builder.Services
            .Where(d => d.IsKeyedService && d.ServiceType == typeof(IPulyaSerializer))
            .Select(d => (Name: (string)d.ServiceKey!, Serializer: app.Services.GetRequiredKeyedService<IPulyaSerializer>(d.ServiceKey)))
            .OrderBy(s => s.Name == selected ? 0 : 1)];
        return server;
    }

    /// <summary>The application's services and every module, registered and switched on by the profile's configuration.</summary>
    internal static void ConfigureServices(PulyaApplicationBuilder builder)
    {
        ConformanceApp.ConfigureServices(builder);
        builder.Pulya.AddTrieRouter().AddRouteCache().AddNewtonsoftJson().AddMessagePack().AddPooling();
    }

    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        _stopped = true;
        await App.StopAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stopped)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await App.StopAsync(timeout.Token);
        }

        await App.DisposeAsync();
        Log.Dispose();
    }
}
