using System.Diagnostics.CodeAnalysis;
using Pulya.Binding;
using Pulya.DependencyInjection;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registration of endpoint binders on <see cref="PulyaBuilder"/>.</summary>
public static class BindingPulyaBuilderExtensions
{
    /// <summary>Registers an endpoint binder under <paramref name="name"/> (selected by <see cref="Pulya.PulyaOptions.Binder"/>). Registering a name twice has no effect.</summary>
    public static PulyaBuilder AddBinder<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TBinder>(this PulyaBuilder builder, string name)
        where TBinder : class, IEndpointBinder
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddNamed<IEndpointBinder, TBinder>(name);
    }
}
