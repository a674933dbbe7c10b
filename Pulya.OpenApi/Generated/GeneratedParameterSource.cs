using System.ComponentModel;

namespace Pulya.OpenApi.Generated;

/// <summary>Where a generated binding takes a parameter from. Used by generated code.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public enum GeneratedParameterSource
{
    /// <summary>A route value.</summary>
    Path,

    /// <summary>A query value (one, all of them, or <c>StringValues</c>).</summary>
    Query,

    /// <summary>A request header (one, all of them, or <c>StringValues</c>).</summary>
    Header,

    /// <summary>The deserialized body (<c>[Body]</c>).</summary>
    Body,

    /// <summary>An unattributed complex parameter: a registered service, else the body (decided when the route is mapped).</summary>
    ServiceOrBody,
}
