namespace Pulya.Serialization.Tests;

/// <summary>A type a malicious <c>$type</c> / Typeless payload names; its constructor counts instantiations.</summary>
public sealed class Tripwire
{
    private static int s_created;

    public Tripwire() => Interlocked.Increment(ref s_created);

    public static int Created => Volatile.Read(ref s_created);

    public string? Command { get; set; }
}
