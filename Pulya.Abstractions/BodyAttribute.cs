namespace Pulya;

/// <summary>Binds the parameter from the request body, read by the serializer that matches the request's <c>Content-Type</c>.</summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class BodyAttribute : Attribute
{
}
