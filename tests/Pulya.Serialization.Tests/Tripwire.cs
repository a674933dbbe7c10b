namespace Pulya.Serialization.Tests;

/// <summary>
/// A type a malicious <c>$type</c> / Typeless payload names; its constructor counts instantiations. The count is per
/// thread: the security tests of different classes run in parallel, and each must see only the instances its own
/// (synchronous) deserialization created.
/// </summary>
public sealed class Tripwire
{
    [ThreadStatic]
    private static int t_created;

    public Tripwire() => t_created++;

    public static int Created => t_created;

    public string? Command { get; set; }
}
