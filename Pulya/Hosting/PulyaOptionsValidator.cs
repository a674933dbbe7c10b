using Microsoft.Extensions.Options;
using Pulya.Binding;
using Pulya.DependencyInjection;
using Pulya.Http;
using Pulya.Pooling;
using Pulya.Routing;
using Pulya.Serialization;

namespace Pulya.Hosting;

/// <summary>
/// Validates <see cref="PulyaOptions"/> at start-up: every selected module must be registered, every value in range, and
/// a sub-section switched on with <c>Enabled=true</c> must be claimed by a registered module. It knows no module by name:
/// it checks against what the modules registered.
/// </summary>
internal sealed class PulyaOptionsValidator(IEnumerable<PulyaComponent> components, PulyaConfiguration configuration) : IValidateOptions<PulyaOptions>
{
    /// <summary>
    /// What adds the first-party modules, by contract and name (or claimed section): a hint in the start-up error when one
    /// is selected but not registered. The core references none of them; a third-party name gets no hint.
    /// </summary>
    private static readonly Dictionary<(Type Contract, string Name), string> FirstPartyModules = new()
    {
        [(typeof(IRouterFactory), "Trie")] = Hint("Pulya.Routing.Trie", "AddTrieRouter()"),
        [(typeof(IPulyaSerializer), "NewtonsoftJson")] = Hint("Pulya.Serialization", "AddNewtonsoftJson()"),
        [(typeof(IPulyaSerializer), "MessagePack")] = Hint("Pulya.Serialization", "AddMessagePack()"),
        [(typeof(IRequestPoolProvider), "ObjectPool")] = Hint("Pulya.Pooling", "AddPooling()"),
        [(typeof(IRequestPoolProvider), "PerConnection")] = Hint("Pulya.Pooling", "AddPooling()"),
        [(PulyaComponent.Section, "Pooling")] = Hint("Pulya.Pooling", "AddPooling()"),
        [(PulyaComponent.Section, "RouteCache")] = Hint("Pulya.Routing.Cached", "AddRouteCache()"),
    };

    public ValidateOptionsResult Validate(string? name, PulyaOptions options)
    {
        var failures = new List<string>();
        Require(typeof(IRouterFactory), options.Router, "Pulya:Router", failures);
        Require(typeof(IPulyaSerializer), options.Serializer, "Pulya:Serializer", failures);
        Require(typeof(IEndpointBinder), options.Binder, "Pulya:Binder", failures);
        Require(typeof(IRequestPoolProvider), options.PoolProvider, "Pulya:PoolProvider", failures);
        if (options.MaxRequestBodySize < 1)
        {
            failures.Add($"Pulya:MaxRequestBodySize: '{options.MaxRequestBodySize}' is out of range; it must be at least 1 (bytes).");
        }

        if (options.ResponseBufferSize is < PulyaOptions.MinResponseBufferSize or > PulyaOptions.MaxResponseBufferSize)
        {
            failures.Add($"Pulya:ResponseBufferSize: '{options.ResponseBufferSize}' is out of range; it must be between {PulyaOptions.MinResponseBufferSize} and {PulyaOptions.MaxResponseBufferSize} (bytes).");
        }

        if (options.MaxFormParts < 1)
        {
            failures.Add($"Pulya:MaxFormParts: '{options.MaxFormParts}' is out of range; it must be at least 1.");
        }

        if (options.MaxCollectedSequenceItems < 1)
        {
            failures.Add($"Pulya:MaxCollectedSequenceItems: '{options.MaxCollectedSequenceItems}' is out of range; it must be at least 1.");
        }

        if (!Enum.IsDefined(options.HeaderStrategy))
        {
            failures.Add($"Pulya:HeaderStrategy: '{(int)options.HeaderStrategy}' is not one of {string.Join(", ", Enum.GetNames<HeaderStrategy>())}.");
        }

        var sections = Names(PulyaComponent.Section);
        foreach (var section in configuration.Section.GetChildren())
        {
            if (bool.TryParse(section["Enabled"], out var enabled) && enabled && !sections.Contains(section.Key, StringComparer.OrdinalIgnoreCase))
            {
                failures.Add($"Pulya:{section.Key}:Enabled: 'true' but no registered module reads the section 'Pulya:{section.Key}' (register the module). "
                    + $"Module sections registered: {List(sections)}.{HintFor(PulyaComponent.Section, section.Key)}");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private void Require(Type contract, string selected, string key, List<string> failures)
    {
        var names = Names(contract);
        if (!names.Contains(selected, StringComparer.Ordinal))
        {
            failures.Add($"{key}: '{selected}' is not registered. Registered: {List(names)}.{HintFor(contract, selected)}");
        }
    }

    private static string Hint(string package, string call) => $" Add the package {package} and call builder.Pulya.{call}.";

    private static string HintFor(Type contract, string name) =>
        FirstPartyModules.FirstOrDefault(m => m.Key.Contract == contract && string.Equals(m.Key.Name, name, StringComparison.OrdinalIgnoreCase)).Value ?? string.Empty;

    private List<string> Names(Type contract) => [.. components.Where(c => c.Contract == contract).Select(c => c.Name)];

    private static string List(List<string> names) => names.Count == 0 ? "none" : string.Join(", ", names);
}
