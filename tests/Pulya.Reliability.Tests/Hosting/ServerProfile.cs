using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Pulya.Pooling;
using Pulya.Routing;
using Pulya.Serialization;

namespace Pulya.Reliability.Tests.Hosting;

/// <summary>
/// A named configuration the suites run under: <c>baseline</c> (the core's built-in modules) or <c>optimized</c>
/// (every module that is registered in the sample app switched on). The arguments come from the load tool's profile
/// file <c>bench/profiles/{name}.json</c> when it exists, else from an inline set derived from the registered modules.
/// </summary>
public sealed class ServerProfile
{
    private ServerProfile(string name, string source, IReadOnlyList<string> arguments, IReadOnlyList<string> dropped)
    {
        Name = name;
        Source = source;
        Arguments = arguments;
        Dropped = dropped;
    }

    /// <summary><c>baseline</c> or <c>optimized</c>.</summary>
    public string Name { get; }

    /// <summary>Where the arguments came from (profile file path, or "inline").</summary>
    public string Source { get; }

    /// <summary>Command-line style configuration (<c>--Pulya:Router=Trie</c>).</summary>
    public IReadOnlyList<string> Arguments { get; }

    /// <summary>Settings of the profile file that selected a module the sample app does not register (not applied).</summary>
    public IReadOnlyList<string> Dropped { get; }

    public override string ToString() => $"{Name} ({Source}): {string.Join(' ', Arguments)}" + (Dropped.Count > 0 ? $"; dropped (module not registered): {string.Join(' ', Dropped)}" : string.Empty);

    /// <summary>Loads the profile <paramref name="name"/> for an application whose services are <paramref name="services"/>.</summary>
    public static ServerProfile Load(string name, IServiceCollection services)
    {
        var modules = RegisteredModules.From(services);
        var file = FindProfileFile(name);
        if (file is null)
        {
            return new ServerProfile(name, "inline", Inline(name, modules), []);
        }

        var settings = Flatten(JsonDocument.Parse(File.ReadAllText(file), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true }).RootElement);
        var kept = new List<string>();
        var dropped = new List<string>();
        foreach (var (key, value) in settings)
        {
            (modules.Allows(key, value) ? kept : dropped).Add($"--{key}={value}");
        }

        return new ServerProfile(name, file, kept, dropped);
    }

    private static List<string> Inline(string name, RegisteredModules modules)
    {
        if (!string.Equals(name, "optimized", StringComparison.OrdinalIgnoreCase))
        {
            return [];
        }

        var arguments = new List<string>();
        if (modules.Routers.Contains("Trie"))
        {
            arguments.Add("--Pulya:Router=Trie");
        }

        if (modules.HasRouterDecorator)
        {
            arguments.Add("--Pulya:RouteCache:Enabled=true");
        }

        if (modules.PoolProviders.Contains("ObjectPool"))
        {
            arguments.Add("--Pulya:Pooling:Enabled=true");
        }

        return arguments;
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

    /// <summary>
    /// Accepts the shapes a profile can reasonably have: <c>{"args": ["--Pulya:Router=Trie"]}</c>, or configuration
    /// as nested objects (<c>{"Pulya": {"Router": "Trie"}}</c>), or both. Keys naming the load tool's own settings
    /// (anything outside the <c>Pulya</c> and <c>Kestrel</c> sections) are ignored.
    /// </summary>
    private static List<(string Key, string Value)> Flatten(JsonElement root)
    {
        var result = new List<(string, string)>();
        foreach (var property in root.EnumerateObject())
        {
            if (property.Name is "args" or "Args" or "arguments" or "serverArgs" && property.Value.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in property.Value.EnumerateArray())
                {
                    var text = item.GetString() ?? string.Empty;
                    var equals = text.IndexOf('=', StringComparison.Ordinal);
                    if (text.StartsWith("--", StringComparison.Ordinal) && equals > 2)
                    {
                        result.Add((text[2..equals], text[(equals + 1)..]));
                    }
                }
            }
            else if (property.Name.StartsWith("Pulya", StringComparison.OrdinalIgnoreCase) || property.Name.StartsWith("Kestrel", StringComparison.OrdinalIgnoreCase))
            {
                Walk(property.Value, property.Name, result);
            }
            else if (property.Value.ValueKind == JsonValueKind.Object && property.Value.TryGetProperty("Pulya", out var nested))
            {
                // e.g. {"server": {"Pulya": {...}}}
                Walk(nested, "Pulya", result);
            }
        }

        return result;
    }

    private static void Walk(JsonElement element, string prefix, List<(string, string)> result)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    Walk(property.Value, prefix + ":" + property.Name, result);
                }

                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    Walk(item, prefix + ":" + index++, result);
                }

                break;
            case JsonValueKind.String:
                result.Add((prefix, element.GetString()!));
                break;
            default:
                result.Add((prefix, element.GetRawText()));
                break;
        }
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
