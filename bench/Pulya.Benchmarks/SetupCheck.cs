namespace Pulya.Benchmarks;

/// <summary>
/// The checks a suite runs on its own setup and results: a failed one throws, BenchmarkDotNet marks the benchmark as
/// failed, and <see cref="BenchmarkProgram"/> exits non-zero, so a wrong answer never shows up as a fast one.
/// </summary>
public static class SetupCheck
{
    /// <summary>Throws <see cref="InvalidOperationException"/> with <paramref name="message"/> when <paramref name="condition"/> is false.</summary>
    public static void That(bool condition, string message)
    {
        if (!condition)
        {
            throw new InvalidOperationException("Benchmark check failed: " + message);
        }
    }

    /// <summary>Throws unless <paramref name="actual"/> is the <paramref name="expected"/> status of <paramref name="request"/>.</summary>
    public static void Status(int expected, int actual, string request)
    {
        if (actual != expected)
        {
            throw new InvalidOperationException($"Benchmark check failed: {request} answered {actual}, expected {expected}.");
        }
    }
}
