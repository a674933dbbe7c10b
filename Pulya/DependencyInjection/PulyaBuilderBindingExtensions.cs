using System.Diagnostics.CodeAnalysis;
using Pulya.Binding;

namespace Pulya.DependencyInjection;

/// <summary>Registration of endpoint binders on <see cref="PulyaBuilder"/>.</summary>
public static class PulyaBuilderBindingExtensions
{
    /// <summary>Registers an endpoint binder under <paramref name="name"/> (selected by <see cref="PulyaOptions.Binder"/>). Registering a name twice has no effect.</summary>
    public static PulyaBuilder AddBinder<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TBinder>(this PulyaBuilder builder, string name)
        where TBinder : class, IEndpointBinder
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddNamed<IEndpointBinder, TBinder>(name);
    }
}
