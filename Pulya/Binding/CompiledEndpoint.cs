using Pulya.Results;
using Pulya.Routing;

namespace Pulya.Binding;

/// <summary>A route's handler with its binding compiled at start-up: what the pipeline invokes after a match.</summary>
internal sealed class CompiledEndpoint(RouteTemplate template, Delegate handler, HandlerInvoker invoker, Type? bodyType, bool bodyRequired, Type resultType)
{
    public RouteTemplate Template { get; } = template;

    public Delegate Handler { get; } = handler;

    /// <summary>Binds the arguments from the context, calls the handler and returns its (awaited) result; null for no content.</summary>
    public HandlerInvoker Invoke { get; } = invoker;

    /// <summary>The type of the <c>[Body]</c> parameter, or null when the handler reads no body.</summary>
    public Type? BodyType { get; } = bodyType;

    public bool BodyRequired { get; } = bodyRequired;

    /// <summary>The declared result type after unwrapping Task/ValueTask; <see cref="void"/> for none.</summary>
    public Type ResultType { get; } = resultType;

    /// <summary>Whether the result always goes to a serializer (see <see cref="ResultWriter.IsSerialized"/>).</summary>
    public bool SerializesResult { get; } = ResultWriter.IsSerialized(resultType);
}
