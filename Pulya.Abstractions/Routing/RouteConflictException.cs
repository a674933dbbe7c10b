namespace Pulya.Routing;

/// <summary>Routes of the table cannot be told apart or are otherwise refused by the router; thrown at start-up.</summary>
public sealed class RouteConflictException : InvalidOperationException
{
    /// <summary>Creates the exception; the message should name both templates.</summary>
    public RouteConflictException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with the cause.</summary>
    public RouteConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with a default message.</summary>
    public RouteConflictException()
        : base("Conflicting routes.")
    {
    }
}
