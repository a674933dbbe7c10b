using Microsoft.Extensions.Options;
using Pulya.Binding;
using Pulya.DependencyInjection;
using Pulya.Pooling;
using Pulya.Routing;
using Pulya.Serialization;

namespace Pulya.Hosting;

/// <summary>Validates <see cref="PulyaOptions"/> at start-up: every selected module must be registered.</summary>
internal sealed class PulyaOptionsValidator(IEnumerable<PulyaComponent> components) : IValidateOptions<PulyaOptions>
{
    /// <summary>The name the pooling module registers its provider under.</summary>
    public const string PoolingProviderName = "ObjectPool";

    /// <summary>The name the route cache module registers its decorator under.</summary>
    public const string RouteCacheDecoratorName = "RouteCache";

    public ValidateOptionsResult Validate(string? name, PulyaOptions options)
    {
        var failures = new List<string>();
        Require<IRouterFactory>(options.Router, "Pulya:Router", failures);
        Require<IPulyaSerializer>(options.Serializer, "Pulya:Serializer", failures);
        Require<IEndpointBinder>(options.Binder, "Pulya:Binder", failures);
        if (options.RouteCache.Enabled)
        {
            Require<IRouterDecorator>(RouteCacheDecoratorName, "Pulya:RouteCache:Enabled (call AddRouteCache())", failures);
        }

        if (options.Pooling.Enabled)
        {
            Require<IRequestPoolProvider>(PoolingProviderName, "Pulya:Pooling:Enabled (call AddPooling())", failures);
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private void Require<TContract>(string selected, string key, List<string> failures)
    {
        var names = components.Where(c => c.Contract == typeof(TContract)).Select(c => c.Name).ToList();
        if (!names.Contains(selected, StringComparer.Ordinal))
        {
            failures.Add($"{key}: '{selected}' is not registered. Registered: {(names.Count == 0 ? "none" : string.Join(", ", names))}.");
        }
    }
}
