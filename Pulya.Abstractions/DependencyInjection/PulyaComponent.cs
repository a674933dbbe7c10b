namespace Pulya.DependencyInjection;

/// <summary>
/// Records, as a singleton in the service collection, that a named implementation of a contract is registered (or that a
/// module claims a configuration section), so the core selects by name and its start-up errors list the names. Written by
/// <see cref="PulyaBuilder.AddNamed{TContract, TImplementation}"/> and <see cref="PulyaBuilder.AddModuleOptions{TOptions}(string)"/>.
/// </summary>
/// <param name="Contract">The contract, e.g. <c>IRouterFactory</c>; <see cref="Section"/> for a claimed section.</param>
/// <param name="Name">The name the implementation is selected by, or the claimed sub-section of <c>Pulya</c>.</param>
public sealed record PulyaComponent(Type Contract, string Name)
{
    /// <summary>The contract of a claimed configuration section: <see cref="Name"/> is the sub-section of <c>Pulya</c>.</summary>
    public static readonly Type Section = typeof(PulyaOptions);
}
