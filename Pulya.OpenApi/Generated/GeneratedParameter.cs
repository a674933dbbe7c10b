using System.ComponentModel;

namespace Pulya.OpenApi.Generated;

/// <summary>One handler parameter as the source generator bound it. Used by generated code.</summary>
/// <param name="Source">Where the value comes from.</param>
/// <param name="Name">The route parameter, query key or header name; the parameter's name for a body.</param>
/// <param name="Type">The parameter's type.</param>
/// <param name="Required">Whether a missing value is refused (no default, not nullable).</param>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed record GeneratedParameter(GeneratedParameterSource Source, string Name, Type Type, bool Required);
