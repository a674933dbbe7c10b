using System.Numerics;

namespace Pulya.Routing.Cached;

/// <summary>
/// The admission filter in front of the route cache: a bounded "seen once" set of key hashes, one bucket of four
/// hashes per cache entry (at least 16 buckets), the most recent first. <see cref="SeenBefore"/> records a hash and
/// says whether its bucket already held it, so the first miss of a key is only remembered (a few int reads and writes:
/// no allocation, no lock) and the second is admitted. A key is forgotten once four other keys have landed in its
/// bucket, which bounds the window; four ways rather than one keep two hot keys that share a bucket from pushing each
/// other out forever. A false "seen" needs another key with the same 32-bit hash in the same bucket and only admits
/// that key early. Every read and write is a single int, so races between threads can only change an admission
/// decision, never corrupt the table.
/// </summary>
internal sealed class Doorkeeper
{
    private const int Ways = 4;
    private const int MinimumBuckets = 16;
    private const int MaximumBuckets = 1 << 20;
    private readonly int[] _seen;
    private readonly int _mask;

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
        // 0 marks an empty way, so the hash 0 is stored as 1 (no other hash that maps to bucket 0 is 1).
        var mark = hash == 0 ? 1 : hash;
        var bucket = _seen.AsSpan((hash & _mask) * Ways, Ways);
        if (bucket[0] == mark || bucket[1] == mark || bucket[2] == mark || bucket[3] == mark)
        {
            return true;
        }

        bucket[3] = bucket[2];
        bucket[2] = bucket[1];
        bucket[1] = bucket[0];
        bucket[0] = mark;
        return false;
    }
}
