namespace Pulya.Routing.Cached;

/// <summary>
/// A counter incremented from many threads without one contended cache line: each thread increments one of several
/// cells, 128 bytes apart; the sum is read rarely (by the metrics collector).
/// </summary>
internal sealed class StripedCounter
{
    private const int Stripes = 16;
    private const int Spacing = 16;
    private readonly long[] _cells = new long[Stripes * Spacing];

    public long Sum
    {
        get
        {
            long sum = 0;
            for (var i = 0; i < Stripes; i++)
            {
                sum += Interlocked.Read(ref _cells[i * Spacing]);
            }

            return sum;
        }
    }

    public void Increment() => Interlocked.Increment(ref _cells[(Environment.CurrentManagedThreadId & (Stripes - 1)) * Spacing]);
}
