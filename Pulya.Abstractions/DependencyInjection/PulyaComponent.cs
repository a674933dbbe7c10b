namespace Pulya.DependencyInjection;

/// <summary>Records that a named implementation of a module contract is registered, so start-up errors can list the names.</summary>
internal sealed record PulyaComponent(Type Contract, string Name)
{
    /// <summary>The contract of a claimed configuration section: <see cref="Name"/> is the sub-section of <c>Pulya</c>.</summary>
    public static readonly Type Section = typeof(PulyaOptions);
}
