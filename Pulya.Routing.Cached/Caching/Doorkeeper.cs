using System.Numerics;

namespace Pulya.Routing.Cached;

/// <summary>
/// The admission filter in front of the route cache: a bounded "seen once" set of key hashes, one bucket of four
/// hashes per cache entry (at least 16 buckets). <see cref="SeenBefore"/> records a hash and says whether its bucket
/// already held it, so the first miss of a key is only remembered (a few int reads and writes: no allocation, no lock)
/// and the second is admitted. A hash goes into an empty way of its bucket, or replaces a way chosen at random when
/// the bucket is full, which bounds the window; four ways and a random victim keep hot keys that share a bucket from
/// pushing each other out forever, even when they arrive in a strict cycle. A false "seen" needs another key with the
/// same 32-bit hash in the same bucket and only admits that key early. Every read and write is a single int, so races
/// between threads can only change an admission decision, never corrupt the table.
/// </summary>
internal sealed class Doorkeeper
{
    private const int Ways = 4;
    private const int MinimumBuckets = 16;
    private const int MaximumBuckets = 1 << 20;
    private readonly int[] _seen;
    private readonly int _mask;
    private uint _random = 2463534242;

    public Doorkeeper(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        var buckets = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Clamp(capacity, MinimumBuckets, MaximumBuckets));
        _seen = new int[buckets * Ways];
        _mask = buckets - 1;
    }

    /// <summary>The number of buckets (a power of two), each holding four hashes.</summary>
    public int Buckets => _mask + 1;

    /// <summary>Records <paramref name="hash"/>; true when its bucket already held it (the key's second miss), false the first time.</summary>
    public bool SeenBefore(int hash)
    {
        var mark = Mark(hash);
        var bucket = Bucket(hash);
        if (bucket.Contains(mark))
        {
            return true;
        }

        var empty = bucket.IndexOf(0);
        bucket[empty >= 0 ? empty : (int)(NextRandom() & (Ways - 1))] = mark;
        return false;
    }

    /// <summary>Whether <paramref name="hash"/> is remembered, without recording it.</summary>
    public bool Contains(int hash) => Bucket(hash).Contains(Mark(hash));

    // 0 marks an empty way, so the hash 0 is stored as 1 (no other hash that maps to bucket 0 is 1).
    private static int Mark(int hash) => hash == 0 ? 1 : hash;

    private Span<int> Bucket(int hash) => _seen.AsSpan((hash & _mask) * Ways, Ways);

    /// <summary>xorshift32; concurrent callers may see the same value, which only makes two victims alike.</summary>
    private uint NextRandom()
    {
        var x = _random;
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        _random = x;
        return x;
    }
}
