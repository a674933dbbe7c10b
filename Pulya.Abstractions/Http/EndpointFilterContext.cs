namespace Pulya.Http;

/// <summary>What an endpoint filter sees: the request, and the handler's arguments as bound (in parameter order), which it may replace.</summary>
public sealed class EndpointFilterContext
{
    /// <summary>Creates a context.</summary>
    /// <param name="request">The request.</param>
    /// <param name="arguments">The bound arguments, in parameter order (value types boxed).</param>
    public EndpointFilterContext(PulyaRequest request, IList<object?> arguments)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(arguments);
        Request = request;
        Arguments = arguments;
    }

    /// <summary>The request.</summary>
    public PulyaRequest Request { get; }

    /// <summary>The handler's arguments in parameter order; replacing one changes what the handler receives (it must keep the parameter's type).</summary>
    public IList<object?> Arguments { get; }
}
