namespace Pulya.Serialization;

/// <summary>A request body cannot be read as the expected type; answered with 400 and this message.</summary>
public sealed class BodyFormatException : FormatException
{
    /// <summary>Creates the exception. The message must name the problem and never echo the payload.</summary>
    public BodyFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with the library's exception as cause (logged, never sent to the client).</summary>
    public BodyFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
