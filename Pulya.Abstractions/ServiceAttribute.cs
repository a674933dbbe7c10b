namespace Pulya;

/// <summary>Binds the parameter from dependency injection. Optional for types registered in the container, which are inferred.</summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class ServiceAttribute : Attribute
{
}
