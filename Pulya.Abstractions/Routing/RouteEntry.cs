using System.Collections.ObjectModel;

namespace Pulya.Routing;

/// <summary>One route of the table: an HTTP method, a parsed template and the endpoint it leads to.</summary>
public sealed class RouteEntry
{
    /// <summary>Creates a route entry.</summary>
    /// <param name="method">The HTTP method in upper case, e.g. <c>GET</c>.</param>
    /// <param name="template">The parsed template.</param>
    /// <param name="endpoint">What the route leads to; opaque to routers (the core stores its compiled endpoint here).</param>
    /// <param name="metadata">The route's metadata, copied (see <see cref="Metadata"/>). Defaults to none.</param>
    public RouteEntry(string method, RouteTemplate template, object? endpoint = null, IEnumerable<object>? metadata = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(method);
        ArgumentNullException.ThrowIfNull(template);
        if (!string.Equals(method, method.ToUpperInvariant(), StringComparison.Ordinal))
        {
            throw new ArgumentException($"The HTTP method '{method}' must be upper case.", nameof(method));
        }

        Method = method;
        Template = template;
        Endpoint = endpoint;
        Metadata = metadata is null ? ReadOnlyCollection<object>.Empty : new ReadOnlyCollection<object>([.. metadata]);
    }

    /// <summary>The HTTP method in upper case.</summary>
    public string Method { get; }

    /// <summary>The parsed template.</summary>
    public RouteTemplate Template { get; }

    /// <summary>What the route leads to; routers never look inside it.</summary>
    public object? Endpoint { get; }

    /// <summary>
    /// The route's metadata, frozen at start-up, in the order ASP.NET Core's <c>EndpointMetadataCollection</c> keeps them:
    /// the handler's <see cref="System.Reflection.MethodInfo"/> and its attributes first, then what the groups added (outermost
    /// first), the route's own last; the last item of a kind wins where only one counts.
    /// </summary>
    public IReadOnlyList<object> Metadata { get; }

    /// <summary>The position of the route in its <see cref="RouteTable"/> (registration order); -1 until added to a table.</summary>
    public int Order { get; internal set; } = -1;

    /// <inheritdoc />
    public override string ToString() => Method + " " + Template.Text;
}
