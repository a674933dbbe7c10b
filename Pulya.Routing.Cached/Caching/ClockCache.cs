using System.Collections.Concurrent;

namespace Pulya.Routing.Cached;

/// <summary>
/// A bounded concurrent cache with CLOCK (second-chance) eviction, the classic approximation of LRU. Reads are lock-free
/// (a dictionary read and, the first time an entry is read since the hand last passed, one flag write); inserts take a
/// lock, evict before they add, and so never let the entry count exceed the capacity, not even for an instant.
/// Eviction order: entries not read since the clock hand last passed them go first, oldest first; a read entry gets a
/// second chance.
/// </summary>
internal sealed class ClockCache
{
    private readonly ConcurrentDictionary<RouteCacheKey, Entry> _map;
    private readonly Entry?[] _ring;
    private readonly Lock _write = new();
    private readonly StripedCounter _hits = new();
    private readonly StripedCounter _misses = new();
    private long _evictions;
    private int _used;
    private int _hand;

    public ClockCache(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        Capacity = capacity;
        _ring = new Entry?[capacity];
        _map = new ConcurrentDictionary<RouteCacheKey, Entry>(Environment.ProcessorCount, capacity);
    }

    public int Capacity { get; }

    public int Count => _map.Count;

    public long Hits => _hits.Sum;

    public long Misses => _misses.Sum;

    public long Evictions => Interlocked.Read(ref _evictions);

    public bool TryGet(RouteCacheKey key, out CachedMatch value)
    {
        if (_map.TryGetValue(key, out var entry))
        {
            if (!entry.Referenced)
            {
                entry.Referenced = true;
            }

            _hits.Increment();
            value = entry.Value;
            return true;
        }

        _misses.Increment();
        value = null!;
        return false;
    }

    /// <summary>Whether <paramref name="key"/> is cached, without counting a hit or giving the entry a second chance.</summary>
    public bool Contains(RouteCacheKey key) => _map.ContainsKey(key);

    public void Add(RouteCacheKey key, CachedMatch value)
    {
        lock (_write)
        {
            if (_map.ContainsKey(key))
            {
                return;
            }

            int slot;
            if (_used < _ring.Length)
            {
                slot = _used++;
            }
            else
            {
                // At most two turns: the first clears every second chance it passes.
                while (_ring[_hand]!.Referenced)
                {
                    _ring[_hand]!.Referenced = false;
                    _hand = (_hand + 1) % _ring.Length;
                }

                slot = _hand;
                _map.TryRemove(_ring[slot]!.Key, out _);
                Interlocked.Increment(ref _evictions);
                _hand = (_hand + 1) % _ring.Length;
            }

            var entry = new Entry(key, value);
            _ring[slot] = entry;
            _map[key] = entry;
        }
    }

    private sealed class Entry(RouteCacheKey key, CachedMatch value)
    {
        public RouteCacheKey Key { get; } = key;

        public CachedMatch Value { get; } = value;

        public volatile bool Referenced;
    }
}
