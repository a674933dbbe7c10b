namespace Pulya.Routing;

/// <summary>
/// Matches a request's method and path against a route table. Built once at start-up and immutable afterwards,
/// so <see cref="Match"/> is safe to call from any number of threads without locks.
/// </summary>
public interface IRouter
{
    /// <summary>The table this router was built from.</summary>
    RouteTable Table { get; }

    /// <summary>Matches <paramref name="method"/> and <paramref name="path"/>.</summary>
    /// <param name="method">The request method, upper case (as Kestrel delivers it).</param>
    /// <param name="path">The decoded request path as the server delivers it (an encoded slash <c>%2F</c> stays encoded).</param>
    /// <param name="values">
    /// Receives, on <see cref="RouteMatchKind.Found"/>, the range of <paramref name="path"/> holding the value of each
    /// parameter, in the order of <see cref="RouteTemplate.ParameterNames"/>. Must be at least
    /// <see cref="RouteTable.MaxParameterCount"/> long. Its contents are unspecified on other outcomes.
    /// </param>
    RouteMatch Match(string method, string path, Span<Range> values);
}
