namespace Pulya.Binding;

/// <summary>A request value cannot be bound to a handler parameter; answered with 400 and this message (which never echoes the value).</summary>
internal sealed class BadRequestException(string message) : Exception(message);
