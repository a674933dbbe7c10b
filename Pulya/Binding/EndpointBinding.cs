using Pulya.Http;
using Pulya.Results;

namespace Pulya.Binding;

/// <summary>
/// A route handler with its parameter binding prepared once, at start-up, by an <see cref="IEndpointBinder"/>: what the
/// pipeline calls after a match. The pipeline reads the body (of <see cref="BodyType"/>) before it calls the delegates.
/// </summary>
public sealed class EndpointBinding
{
    /// <summary>Creates a binding.</summary>
    /// <param name="bodyType">The type the request body is deserialized to, or null when the handler reads no body.</param>
    /// <param name="bodyRequired">Whether a missing or null body is a 400.</param>
    /// <param name="resultType">The handler's result type after unwrapping Task/ValueTask; <see cref="void"/> for none.</param>
    /// <param name="invoke">Binds the arguments, calls the handler and awaits it (the path without filters).</param>
    /// <param name="bindArguments">Binds the arguments only, in parameter order (value types boxed).</param>
    /// <param name="invokeWithArguments">Calls the handler with arguments as <paramref name="bindArguments"/> returned them, possibly changed, and awaits it.</param>
    public EndpointBinding(
        Type? bodyType,
        bool bodyRequired,
        Type resultType,
        Func<PulyaRequest, ValueTask<object?>> invoke,
        Func<PulyaRequest, object?[]> bindArguments,
        Func<PulyaRequest, object?[], ValueTask<object?>> invokeWithArguments)
    {
        ArgumentNullException.ThrowIfNull(resultType);
        ArgumentNullException.ThrowIfNull(invoke);
        ArgumentNullException.ThrowIfNull(bindArguments);
        ArgumentNullException.ThrowIfNull(invokeWithArguments);
        BodyType = bodyType;
        BodyRequired = bodyType is not null && bodyRequired;
        ResultType = resultType;
        SerializesResult = ResultWriter.IsSerialized(resultType);
        Invoke = invoke;
        BindArguments = bindArguments;
        InvokeWithArguments = invokeWithArguments;
    }

    /// <summary>The type the request body is deserialized to, or null when the handler reads no body.</summary>
    public Type? BodyType { get; }

    /// <summary>Whether a missing or null body is answered with 400; false when there is no body parameter.</summary>
    public bool BodyRequired { get; }

    /// <summary>The declared result type after unwrapping Task/ValueTask; <see cref="void"/> for none.</summary>
    public Type ResultType { get; }

    /// <summary>Whether the result always goes to a serializer (see <see cref="ResultWriter.IsSerialized"/>): 406 is decided before the handler runs.</summary>
    internal bool SerializesResult { get; }

    /// <summary>Binds the arguments, calls the handler and returns its awaited result (null for no content): the fast path, no filters.</summary>
    public Func<PulyaRequest, ValueTask<object?>> Invoke { get; }

    /// <summary>The arguments as bound from the request, in parameter order, for endpoint filters.</summary>
    public Func<PulyaRequest, object?[]> BindArguments { get; }

    /// <summary>Calls the handler with the given (possibly changed) arguments and returns its awaited result.</summary>
    /// <remarks>An argument of the wrong type throws <see cref="InvalidCastException"/>, answered with 500.</remarks>
    public Func<PulyaRequest, object?[], ValueTask<object?>> InvokeWithArguments { get; }
}
