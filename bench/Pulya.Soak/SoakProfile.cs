using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Pulya.Hosting;
using Pulya.Pooling;
using Pulya.Routing;
using Pulya.Sample;
using Pulya.Serialization;

namespace Pulya.Soak;

/// <summary>
/// Turns a load-tool profile (<c>bench/profiles/{name}.json</c>, its <c>Pulya</c> section) into server arguments.
/// Settings that select a module the sample application does not register yet are dropped and reported, so a soak
/// runs against whatever modules exist.
/// </summary>
internal sealed record SoakProfile(string Name, string Source, IReadOnlyList<string> Arguments, IReadOnlyList<string> Dropped)
{
    public static SoakProfile Load(string nameOrPath)
    {
        var path = File.Exists(nameOrPath) ? nameOrPath : Find(nameOrPath);
        var name = Path.GetFileNameWithoutExtension(nameOrPath);
        var settings = new List<(string Key, string Value)>();
        if (path is not null)
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            if (document.RootElement.TryGetProperty("Pulya", out var pulya))
            {
                Flatten(pulya, "Pulya", settings);
            }
        }
        else if (string.Equals(name, "optimized", StringComparison.OrdinalIgnoreCase))
        {
            settings.AddRange([("Pulya:Router", "Trie"), ("Pulya:RouteCache:Enabled", "true"), ("Pulya:Pooling:Enabled", "true")]);
        }

        var probe = PulyaApplication.CreateBuilder([]);
        SampleApp.ConfigureServices(probe);
        var services = probe.Services;
        HashSet<string> Names<T>() => [.. services.Where(d => d.IsKeyedService && d.ServiceType == typeof(T)).Select(d => d.ServiceKey as string).OfType<string>()];
        var routers = Names<IRouterFactory>();
        var serializers = Names<IPulyaSerializer>();
        var pools = Names<IRequestPoolProvider>();
        var decorators = services.Any(d => d.ServiceType == typeof(IRouterDecorator));
        bool On(string value) => bool.TryParse(value, out var on) && on;
        bool Allowed(string key, string value) => key.ToUpperInvariant() switch
        {
            "PULYA:ROUTER" => routers.Contains(value),
            "PULYA:SERIALIZER" => serializers.Contains(value),
            "PULYA:POOLING:ENABLED" => !On(value) || pools.Contains("ObjectPool"),
            "PULYA:ROUTECACHE:ENABLED" => !On(value) || decorators,
            _ => true,
        };

        var kept = settings.Where(s => Allowed(s.Key, s.Value)).Select(s => $"--{s.Key}={s.Value}").ToList();
        var dropped = settings.Where(s => !Allowed(s.Key, s.Value)).Select(s => $"--{s.Key}={s.Value}").ToList();
        return new SoakProfile(name, path ?? "inline", kept, dropped);
    }

    private static string? Find(string name)
    {
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

    private static void Flatten(JsonElement element, string prefix, List<(string, string)> result)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    Flatten(property.Value, prefix + ":" + property.Name, result);
                }

                break;
            case JsonValueKind.String:
                result.Add((prefix, element.GetString()!));
                break;
            case JsonValueKind.Array:
                break;
            default:
                result.Add((prefix, element.GetRawText()));
                break;
        }
    }
}
