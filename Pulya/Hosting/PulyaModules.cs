using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Pulya.Binding;
using Pulya.DependencyInjection;
using Pulya.Pooling;
using Pulya.Routing;
using Pulya.Serialization;

namespace Pulya.Hosting;

/// <summary>Resolves the modules <see cref="PulyaOptions"/> selects (validated at start-up by <see cref="PulyaOptionsValidator"/>).</summary>
internal sealed class PulyaModules(IServiceProvider services, IOptions<PulyaOptions> options, IEnumerable<PulyaComponent> components)
{
    public PulyaOptions Options => options.Value;

    /// <summary>The endpoint binder <see cref="PulyaOptions.Binder"/> selects.</summary>
    public IEndpointBinder Binder => services.GetRequiredKeyedService<IEndpointBinder>(Options.Binder);

    public IRouter CreateRouter(RouteTable table)
    {
        var router = services.GetRequiredKeyedService<IRouterFactory>(Options.Router).Create(table);
        foreach (var decorator in services.GetServices<IRouterDecorator>())
        {
            router = decorator.Decorate(router);
        }

        return router;
    }

    public IRequestPoolProvider PoolProvider => services.GetRequiredKeyedService<IRequestPoolProvider>(Options.PoolProvider);

    /// <summary>The default serializer first, then the others in registration order.</summary>
    public IReadOnlyList<IPulyaSerializer> Serializers()
    {
        var names = components.Where(c => c.Contract == typeof(IPulyaSerializer)).Select(c => c.Name)
            .OrderBy(n => string.Equals(n, Options.Serializer, StringComparison.Ordinal) ? 0 : 1);
        return [.. names.Select(n => services.GetRequiredKeyedService<IPulyaSerializer>(n))];
    }
}
