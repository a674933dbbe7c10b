using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Pulya.Pooling;
using Pulya.Routing;
using Pulya.Serialization;

namespace Pulya.Reliability.Tests.Hosting;

/// <summary>
/// A named configuration the suites run under: the load tool's profile file <c>bench/profiles/{name}.json</c> (its
/// <c>Pulya</c> section, read with the JSON configuration provider, as command-line arguments). A setting that selects
/// a module the application does not register fails here with the setting named, so a suite never quietly runs
/// another configuration than the one it is named after.
/// </summary>
public sealed class ServerProfile
{
    private ServerProfile(string name, string source, IReadOnlyList<string> arguments)
    {
        Name = name;
        Source = source;
        Arguments = arguments;
    }

    /// <summary>The profile's name (<c>baseline</c>, <c>optimized</c>, …).</summary>
    public string Name { get; }

    /// <summary>The profile file the arguments came from.</summary>
    public string Source { get; }

    /// <summary>Command-line style configuration (<c>--Pulya:Router=Trie</c>).</summary>
    public IReadOnlyList<string> Arguments { get; }

    public override string ToString() => $"{Name} ({Source}): {string.Join(' ', Arguments)}";

    /// <summary>Loads the profile <paramref name="name"/> for an application whose services are <paramref name="services"/>.</summary>
    public static ServerProfile Load(string name, IServiceCollection services) =>
        FromFile(name, FindProfileFile(name) ?? throw new FileNotFoundException($"No profile '{name}' in bench/profiles."), services);

    /// <summary>Reads <paramref name="file"/>; throws when a setting selects a module <paramref name="services"/> does not register.</summary>
    public static ServerProfile FromFile(string name, string file, IServiceCollection services)
    {
        var settings = new ConfigurationBuilder().AddJsonFile(Path.GetFullPath(file), optional: false, reloadOnChange: false).Build()
            .GetSection("Pulya").AsEnumerable(makePathsRelative: false)
            .Where(kv => kv.Value is not null)
            .OrderBy(kv => kv.Key, StringComparer.Ordinal)
            .ToList();
        var modules = RegisteredModules.From(services);
        var missing = settings.Where(kv => !modules.Allows(kv.Key, kv.Value!)).Select(kv => $"{kv.Key}={kv.Value}").ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException($"Profile '{name}' ({file}) selects modules the application does not register: {string.Join(", ", missing)}.");
        }

        return new ServerProfile(name, file, [.. settings.Select(kv => $"--{kv.Key}={kv.Value}")]);
    }

    private static string? FindProfileFile(string name)
    {
        // Copied next to the tests at build time; else found by walking up to the repository's bench/profiles.
        var local = Path.Combine(AppContext.BaseDirectory, "profiles", name + ".json");
        if (File.Exists(local))
        {
            return local;
        }

        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "bench", "profiles", name + ".json");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>The module names registered in the application's services (keyed services of each contract).</summary>
    private sealed record RegisteredModules(HashSet<string> Routers, HashSet<string> Serializers, HashSet<string> PoolProviders, bool HasRouterDecorator)
    {
        public static RegisteredModules From(IServiceCollection services)
        {
            HashSet<string> Names<T>() => [.. services.Where(d => d.IsKeyedService && d.ServiceType == typeof(T)).Select(d => d.ServiceKey as string).OfType<string>()];
            return new RegisteredModules(Names<IRouterFactory>(), Names<IPulyaSerializer>(), Names<IRequestPoolProvider>(), services.Any(d => d.ServiceType == typeof(IRouterDecorator)));
        }

        public bool Allows(string key, string value) => key.ToUpperInvariant() switch
        {
            "PULYA:ROUTER" => Routers.Contains(value),
            "PULYA:SERIALIZER" => Serializers.Contains(value),
            "PULYA:POOLING:ENABLED" => !bool.TryParse(value, out var on) || !on || PoolProviders.Contains("ObjectPool"),
            "PULYA:ROUTECACHE:ENABLED" => !bool.TryParse(value, out var on) || !on || HasRouterDecorator,
            _ => true,
        };
    }
}
