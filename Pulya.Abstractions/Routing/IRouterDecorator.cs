namespace Pulya.Routing;

/// <summary>Wraps the selected router (e.g. in a cache). Every registered decorator is applied, in registration order, at start-up.</summary>
public interface IRouterDecorator
{
    /// <summary>Returns a router that behaves exactly like <paramref name="inner"/>, or <paramref name="inner"/> itself when the decorator is switched off.</summary>
    IRouter Decorate(IRouter inner);
}
