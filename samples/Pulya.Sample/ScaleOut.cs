using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.StackExchangeRedis;
using Microsoft.AspNetCore.OutputCaching.StackExchangeRedis;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Pulya.AspNetCore;
using Pulya.Hosting;
using Pulya.Http;
using StackExchange.Redis;

namespace Pulya.Sample;

/// <summary>
/// More than one instance behind a load balancer: with the connection string <c>ConnectionStrings:Redis</c> set (e.g.
/// <c>--ConnectionStrings:Redis=localhost:6379</c> or <c>ConnectionStrings__Redis</c>), every instance keeps its output-cache
/// entries and its data-protection key ring in that Redis, so a response one instance cached is served by the others and a
/// cookie (or anything else data protection protected) one instance issued is read by the others. One connection per instance.
/// </summary>
public static class ScaleOut
{
    /// <summary>The name of the connection string (<c>ConnectionStrings:Redis</c>).</summary>
    public const string RedisConnectionStringName = "Redis";

    /// <summary>The data-protection application name every instance shares, and the prefix of the Redis keys.</summary>
    public const string ApplicationName = "pulya-sample";

    /// <summary>The Redis key of the data-protection key ring.</summary>
    public const string DataProtectionKey = ApplicationName + ":data-protection-keys";

    /// <summary>Whether <c>ConnectionStrings:Redis</c> is set.</summary>
    public static bool IsEnabled(IConfiguration configuration) => !string.IsNullOrEmpty(configuration.GetConnectionString(RedisConnectionStringName));

    /// <summary>
    /// Registers the output cache with its store in Redis and the data-protection key ring in Redis, when the connection
    /// string is set.
    /// </summary>
    /// <returns>Whether the connection string was set.</returns>
    public static bool AddRedis(PulyaApplicationBuilder builder)
    {
        if (!IsEnabled(builder.Configuration))
        {
            return false;
        }

        Register(builder);
        return true;
    }

    // A method of its own: compiling it loads StackExchange.Redis and output caching, which an instance without
    // ConnectionStrings:Redis then never maps (0.9 MB of its idle working set).
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Register(PulyaApplicationBuilder builder)
    {
        var connection = builder.Configuration.GetConnectionString(RedisConnectionStringName)!;

        // One multiplexer per instance, connected on first use and disposed with the container.
        builder.Services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(connection));
        builder.Services.AddOutputCache();
        builder.Services.AddStackExchangeRedisOutputCache(o => o.InstanceName = ApplicationName + ":");
        builder.Services.AddOptions<RedisOutputCacheOptions>().Configure<IConnectionMultiplexer>((o, redis) => o.ConnectionMultiplexerFactory = () => Task.FromResult(redis));
        builder.Services.AddDataProtection().SetApplicationName(ApplicationName);
        builder.Services.AddOptions<KeyManagementOptions>().Configure<IConnectionMultiplexer>((o, redis) => o.XmlRepository = new RedisXmlRepository(() => redis.GetDatabase(), DataProtectionKey));
    }

    /// <summary>
    /// <c>GET /instance/cached</c>: the process that ran the handler and when, cached for 30 seconds in the shared output cache
    /// (every instance answers with the process of the one that ran it, with an <c>Age</c> header).
    /// </summary>
    public static void MapRoutes(RouteMapper app) =>
        app.MapGet("/instance/cached", () => new InstanceAnswer(Environment.ProcessId, DateTimeOffset.UtcNow))
            .CacheOutput(p => p.Expire(TimeSpan.FromSeconds(30)));
}

/// <summary>Which process answered, and when.</summary>
public sealed record InstanceAnswer(int ProcessId, DateTimeOffset At);
