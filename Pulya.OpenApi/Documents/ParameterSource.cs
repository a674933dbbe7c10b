namespace Pulya.OpenApi.Documents;

/// <summary>Where the core's binder takes a handler parameter from (the order of its rules is in the core's binder).</summary>
internal enum ParameterSource
{
    /// <summary>A route value.</summary>
    Path,

    /// <summary>A query value.</summary>
    Query,

    /// <summary>A request header.</summary>
    Header,

    /// <summary>A request cookie.</summary>
    Cookie,

    /// <summary>A form field or file, or the whole form.</summary>
    Form,

    /// <summary>The body, deserialized by the negotiated serializer.</summary>
    Body,

    /// <summary>The unread body as a stream.</summary>
    BodyStream,
}
