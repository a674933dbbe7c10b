namespace Pulya.Binding;

/// <summary>
/// Turns a mapped route handler into its <see cref="EndpointBinding"/>, once per route at start-up. Implementations are
/// registered by name (<c>PulyaBuilder.AddBinder</c>) and selected by <see cref="PulyaOptions.Binder"/>: <c>Compiled</c>
/// (expression trees, built in) or <c>Generated</c> (the source-generated binding when the call site had one).
/// </summary>
public interface IEndpointBinder
{
    /// <summary>Prepares the binding of <paramref name="endpoint"/>'s handler.</summary>
    /// <exception cref="InvalidOperationException">A parameter cannot be bound; the message names the route and the parameter.</exception>
    EndpointBinding Bind(EndpointDefinition endpoint);
}
