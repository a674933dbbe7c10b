namespace Pulya.Serialization;

/// <summary>
/// Newtonsoft.Json and MessagePack (2.5, dynamic resolvers) build serializers with reflection and dynamic code, which
/// Native AOT does not have: selecting either in a native application stops the start-up with this explanation rather
/// than failing on the first request.
/// </summary>
internal static class DynamicCodeRequirement
{
    /// <summary>Why the serializers of this assembly are not AOT-compatible (the text of their trimming/AOT annotations).</summary>
    public const string Message = "The NewtonsoftJson and MessagePack serializers use reflection and dynamic code; under Native AOT use SystemTextJson with a JsonSerializerContext.";

    /// <summary>Throws when <paramref name="dynamicCodeSupported"/> is false (<c>RuntimeFeature.IsDynamicCodeSupported</c>).</summary>
    /// <exception cref="InvalidOperationException">The process cannot run dynamic code.</exception>
    public static void Require(bool dynamicCodeSupported, string serializer)
    {
        if (!dynamicCodeSupported)
        {
            throw new InvalidOperationException($"The {serializer} serializer cannot run under Native AOT: it needs reflection and dynamic code. Use SystemTextJson with a JsonSerializerContext (AddJsonTypeInfoResolver).");
        }
    }
}
