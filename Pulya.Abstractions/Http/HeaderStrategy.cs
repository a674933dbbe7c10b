namespace Pulya.Http;

/// <summary>What <see cref="Headers.Get(string, HeaderStrategy)"/> does when a header has several values.</summary>
public enum HeaderStrategy
{
    /// <summary>Take the first value.</summary>
    First,

    /// <summary>Take the last value.</summary>
    Last,

    /// <summary>Log a warning and take the first value.</summary>
    Warn,

    /// <summary>Throw a <see cref="DuplicateHeaderException"/> (answered with 400).</summary>
    Forbid,
}
