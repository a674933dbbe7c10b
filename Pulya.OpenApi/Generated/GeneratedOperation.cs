using System.ComponentModel;

namespace Pulya.OpenApi.Generated;

/// <summary>
/// What the source generator (package <c>Pulya.Generators</c>) knew at build time about one mapped handler: its
/// parameters by source and its result type. The generated interceptor adds it to the route's metadata; under the
/// <c>Generated</c> binder the document is written from it instead of reflecting on the handler. Used by generated code.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class GeneratedOperation
{
    /// <summary>Creates the description of one handler.</summary>
    /// <param name="resultType">The type the result is written from (tasks unwrapped), or null when there is none.</param>
    /// <param name="parameters">The handler's parameters the request supplies, in order.</param>
    public GeneratedOperation(Type? resultType, params GeneratedParameter[] parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ResultType = resultType;
        Parameters = parameters;
    }

    /// <summary>The type the result is written from (tasks unwrapped), or null when there is none (204).</summary>
    public Type? ResultType { get; }

    /// <summary>The handler's parameters the request supplies, in the handler's order.</summary>
    public IReadOnlyList<GeneratedParameter> Parameters { get; }
}
