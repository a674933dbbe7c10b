using System.Globalization;
using BenchmarkDotNet.Attributes;
using Pulya.Routing;
using Pulya.Routing.Cached;
using Pulya.Routing.Trie;

namespace Pulya.Benchmarks.Routing;

/// <summary>
/// The route cache over Linear and Trie on the GitHub set (203 matches per operation): Hot (the set repeated: all
/// hits), Cold (every path distinct: all misses), Mix (90% hot, 10% distinct), Twice (every path distinct and requested
/// twice in a row: the case where admission on the second miss loses) and a 2-thread throughput run (hot, 2 × 10 passes
/// per operation). Capacity 1000, the default. <c>Cached*</c> is the default admission (on the second miss),
/// <c>*_FirstMiss</c> admits on the first miss (the policy before the admission filter). The BitFaster
/// <c>ConcurrentLru</c> variants are the measured alternative to the hand-written CLOCK cache, with the same admission
/// policies, on the hot, cold and mixed workloads (where LRU and CLOCK policies differ). The setup checks that every
/// router finds every path. <c>Cold_HashOnly</c> and <c>Cold_CacheMissOnly</c> take the price of a miss apart: hashing
/// the path, and everything the cache adds to the router (hash, failed lookup, doorkeeper probe).
/// </summary>
[BenchmarkCategory("Routing", "RouteCache")]
public class RouteCacheBenchmarks
{
    private const int Capacity = 1000;
    private IRouter _linear = null!;
    private IRouter _cachedLinear = null!;
    private IRouter _cachedLinearFirstMiss = null!;
    private IRouter _trie = null!;
    private IRouter _cachedTrie = null!;
    private IRouter _cachedTrieFirstMiss = null!;
    private IRouter _bitFasterLinear = null!;
    private IRouter _bitFasterLinearFirstMiss = null!;
    private IRouter _bitFasterTrie = null!;
    private IRouter _bitFasterTrieFirstMiss = null!;
    private ClockCache _emptyCache = null!;
    private Doorkeeper _lookupDoorkeeper = null!;
    private (string Method, string Path)[] _hot = null!;
    private (string Method, string Path)[] _distinct = null!;
    private int _next;
    private Range[] _values = null!;
    private int _maxParameters;

    [GlobalSetup]
    public void Setup()
    {
        var table = RouteSetFiles.Table(RouteSetFiles.Routes("github"));
        _maxParameters = table.MaxParameterCount;
        _linear = new LinearRouterFactory().Create(table);
        _trie = new TrieRouterFactory().Create(table);
        _cachedLinear = new CachedRouter(_linear, Capacity, cacheMethodNotAllowed: false, RouteCacheAdmission.SecondMiss);
        _cachedLinearFirstMiss = new CachedRouter(_linear, Capacity, cacheMethodNotAllowed: false, RouteCacheAdmission.FirstMiss);
        _cachedTrie = new CachedRouter(_trie, Capacity, cacheMethodNotAllowed: false, RouteCacheAdmission.SecondMiss);
        _cachedTrieFirstMiss = new CachedRouter(_trie, Capacity, cacheMethodNotAllowed: false, RouteCacheAdmission.FirstMiss);
        _bitFasterLinear = new BitFasterCachedRouter(_linear, Capacity, RouteCacheAdmission.SecondMiss);
        _bitFasterLinearFirstMiss = new BitFasterCachedRouter(_linear, Capacity, RouteCacheAdmission.FirstMiss);
        _bitFasterTrie = new BitFasterCachedRouter(_trie, Capacity, RouteCacheAdmission.SecondMiss);
        _bitFasterTrieFirstMiss = new BitFasterCachedRouter(_trie, Capacity, RouteCacheAdmission.FirstMiss);
        _emptyCache = new ClockCache(Capacity);
        _lookupDoorkeeper = new Doorkeeper(Capacity);
        _hot = RouteSetFiles.Paths("github");
        var dynamic = _hot.Where(p => p.Path.Contains("12345", StringComparison.Ordinal) || p.Path.Contains("gopher", StringComparison.Ordinal) || p.Path.Contains("julienschmidt", StringComparison.Ordinal)).ToArray();
        _distinct = [.. Enumerable.Range(0, 400_000).Select(i =>
        {
            var (method, path) = dynamic[i % dynamic.Length];
            var unique = "u" + i.ToString(CultureInfo.InvariantCulture);
            return (method, path.Replace("12345", "9" + i.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
                .Replace("gopher", unique, StringComparison.Ordinal).Replace("julienschmidt", unique, StringComparison.Ordinal));
        })];
        _values = new Range[_maxParameters];
        Verify();
    }

    [Benchmark(Baseline = true), BenchmarkCategory("Hot")]
    public int Hot_Linear() => Hot(_linear);

    [Benchmark, BenchmarkCategory("Hot")]
    public int Hot_CachedLinear() => Hot(_cachedLinear);

    [Benchmark, BenchmarkCategory("Hot")]
    public int Hot_CachedLinear_BitFaster() => Hot(_bitFasterLinear);

    [Benchmark, BenchmarkCategory("Hot")]
    public int Hot_Trie() => Hot(_trie);

    [Benchmark, BenchmarkCategory("Hot")]
    public int Hot_CachedTrie() => Hot(_cachedTrie);

    [Benchmark, BenchmarkCategory("Hot")]
    public int Hot_CachedTrie_BitFaster() => Hot(_bitFasterTrie);

    [Benchmark(Baseline = true), BenchmarkCategory("Cold")]
    public int Cold_Linear() => Cold(_linear);

    [Benchmark, BenchmarkCategory("Cold")]
    public int Cold_CachedLinear() => Cold(_cachedLinear);

    [Benchmark, BenchmarkCategory("Cold")]
    public int Cold_CachedLinear_FirstMiss() => Cold(_cachedLinearFirstMiss);

    [Benchmark, BenchmarkCategory("Cold")]
    public int Cold_CachedLinear_BitFaster() => Cold(_bitFasterLinear);

    [Benchmark, BenchmarkCategory("Cold")]
    public int Cold_CachedLinear_BitFaster_FirstMiss() => Cold(_bitFasterLinearFirstMiss);

    [Benchmark, BenchmarkCategory("Cold")]
    public int Cold_Trie() => Cold(_trie);

    [Benchmark, BenchmarkCategory("Cold")]
    public int Cold_CachedTrie() => Cold(_cachedTrie);

    [Benchmark, BenchmarkCategory("Cold")]
    public int Cold_CachedTrie_FirstMiss() => Cold(_cachedTrieFirstMiss);

    [Benchmark, BenchmarkCategory("Cold")]
    public int Cold_CachedTrie_BitFaster() => Cold(_bitFasterTrie);

    [Benchmark, BenchmarkCategory("Cold")]
    public int Cold_CachedTrie_BitFaster_FirstMiss() => Cold(_bitFasterTrieFirstMiss);

    /// <summary>The floor of any hash cache on a miss: hashing each distinct path once, with no router and no lookup.</summary>
    [Benchmark, BenchmarkCategory("Cold")]
    public int Cold_HashOnly()
    {
        var hash = 0;
        for (var i = 0; i < _hot.Length; i++)
        {
            hash += NextDistinct().Path.GetHashCode(StringComparison.Ordinal);
        }

        return hash;
    }

    /// <summary>What the default cache adds to the router on a miss: the key (its hash), the failed lookup and the doorkeeper probe.</summary>
    [Benchmark, BenchmarkCategory("Cold")]
    public int Cold_CacheMissOnly()
    {
        var found = 0;
        for (var i = 0; i < _hot.Length; i++)
        {
            var (method, path) = NextDistinct();
            var key = new RouteCacheKey(method, path);
            found += _emptyCache.TryGet(key, out _) ? 1 : 0;
            found += _lookupDoorkeeper.SeenBefore(key.GetHashCode()) ? 1 : 0;
        }

        return found;
    }

    [Benchmark(Baseline = true), BenchmarkCategory("Mix")]
    public int Mix_Linear() => Mix(_linear);

    [Benchmark, BenchmarkCategory("Mix")]
    public int Mix_CachedLinear() => Mix(_cachedLinear);

    [Benchmark, BenchmarkCategory("Mix")]
    public int Mix_CachedLinear_FirstMiss() => Mix(_cachedLinearFirstMiss);

    [Benchmark, BenchmarkCategory("Mix")]
    public int Mix_CachedLinear_BitFaster() => Mix(_bitFasterLinear);

    [Benchmark, BenchmarkCategory("Mix")]
    public int Mix_CachedLinear_BitFaster_FirstMiss() => Mix(_bitFasterLinearFirstMiss);

    [Benchmark, BenchmarkCategory("Mix")]
    public int Mix_Trie() => Mix(_trie);

    [Benchmark, BenchmarkCategory("Mix")]
    public int Mix_CachedTrie() => Mix(_cachedTrie);

    [Benchmark, BenchmarkCategory("Mix")]
    public int Mix_CachedTrie_FirstMiss() => Mix(_cachedTrieFirstMiss);

    [Benchmark, BenchmarkCategory("Mix")]
    public int Mix_CachedTrie_BitFaster() => Mix(_bitFasterTrie);

    [Benchmark, BenchmarkCategory("Mix")]
    public int Mix_CachedTrie_BitFaster_FirstMiss() => Mix(_bitFasterTrieFirstMiss);

    [Benchmark(Baseline = true), BenchmarkCategory("Twice")]
    public int Twice_Linear() => Twice(_linear);

    [Benchmark, BenchmarkCategory("Twice")]
    public int Twice_CachedLinear() => Twice(_cachedLinear);

    [Benchmark, BenchmarkCategory("Twice")]
    public int Twice_CachedLinear_FirstMiss() => Twice(_cachedLinearFirstMiss);

    [Benchmark, BenchmarkCategory("Twice")]
    public int Twice_Trie() => Twice(_trie);

    [Benchmark, BenchmarkCategory("Twice")]
    public int Twice_CachedTrie() => Twice(_cachedTrie);

    [Benchmark, BenchmarkCategory("Twice")]
    public int Twice_CachedTrie_FirstMiss() => Twice(_cachedTrieFirstMiss);

    [Benchmark(Baseline = true), BenchmarkCategory("Throughput2")]
    public int Throughput2_Linear() => TwoThreads(_linear);

    [Benchmark, BenchmarkCategory("Throughput2")]
    public int Throughput2_CachedLinear() => TwoThreads(_cachedLinear);

    [Benchmark, BenchmarkCategory("Throughput2")]
    public int Throughput2_Trie() => TwoThreads(_trie);

    [Benchmark, BenchmarkCategory("Throughput2")]
    public int Throughput2_CachedTrie() => TwoThreads(_cachedTrie);

    private int Hot(IRouter router) => Run(router, _hot, _values);

    private int Cold(IRouter router)
    {
        var found = 0;
        var values = _values;
        for (var i = 0; i < _hot.Length; i++)
        {
            var (method, path) = NextDistinct();
            found += (int)router.Match(method, path, values).Kind;
        }

        return found;
    }

    private int Mix(IRouter router)
    {
        var found = 0;
        var values = _values;
        var hot = _hot;
        for (var i = 0; i < hot.Length; i++)
        {
            var (method, path) = i % 10 == 0 ? NextDistinct() : hot[i];
            found += (int)router.Match(method, path, values).Kind;
        }

        return found;
    }

    /// <summary>Every path distinct, each requested twice in a row (203 matches: 101 pairs and one more).</summary>
    private int Twice(IRouter router)
    {
        var found = 0;
        var values = _values;
        var (method, path) = NextDistinct();
        for (var i = 0; i < _hot.Length; i++)
        {
            if (i % 2 == 0)
            {
                (method, path) = NextDistinct();
            }

            found += (int)router.Match(method, path, values).Kind;
        }

        return found;
    }

    private int TwoThreads(IRouter router)
    {
        var total = 0;
        Parallel.For(0, 2, new ParallelOptions { MaxDegreeOfParallelism = 2 }, _ =>
        {
            var values = new Range[_maxParameters];
            var found = 0;
            for (var pass = 0; pass < 10; pass++)
            {
                found += Run(router, _hot, values);
            }

            Interlocked.Add(ref total, found);
        });
        return total;
    }

    private (string Method, string Path) NextDistinct()
    {
        var next = _next;
        _next = next + 1 == _distinct.Length ? 0 : next + 1;
        return _distinct[next];
    }

    /// <summary>Every router, cached or not, must find every hot path and the distinct ones, or the comparison is meaningless.</summary>
    private void Verify()
    {
        var routers = new[]
        {
            ("Linear", _linear), ("Trie", _trie), ("CachedLinear", _cachedLinear), ("CachedLinear FirstMiss", _cachedLinearFirstMiss),
            ("CachedTrie", _cachedTrie), ("CachedTrie FirstMiss", _cachedTrieFirstMiss), ("BitFaster Linear", _bitFasterLinear),
            ("BitFaster Linear FirstMiss", _bitFasterLinearFirstMiss), ("BitFaster Trie", _bitFasterTrie), ("BitFaster Trie FirstMiss", _bitFasterTrieFirstMiss),
        };
        foreach (var (name, router) in routers)
        {
            // Ten passes: the caches admit on the first or the second, and the last answers only from them.
            for (var pass = 0; pass < 10; pass++)
            {
                var hits = (router as CachedRouter)?.Cache.Hits;
                var found = _hot.Count(p => router.Match(p.Method, p.Path, _values).Kind == RouteMatchKind.Found);
                SetupCheck.That(found == _hot.Length, $"{name}: {found} of {_hot.Length} GitHub paths found (pass {pass + 1}).");
                SetupCheck.That(pass < 9 || hits is null || (router as CachedRouter)!.Cache.Hits - hits == _hot.Length, $"{name}: the hot set is not answered from the cache after 9 passes.");
            }

            var distinct = _distinct.Take(Capacity * 2).Count(p => router.Match(p.Method, p.Path, _values).Kind == RouteMatchKind.Found);
            SetupCheck.That(distinct == Capacity * 2, $"{name}: {distinct} of {Capacity * 2} distinct paths found.");
        }
    }

    private static int Run(IRouter router, (string Method, string Path)[] paths, Range[] values)
    {
        var found = 0;
        foreach (var (method, path) in paths)
        {
            found += (int)router.Match(method, path, values).Kind;
        }

        return found;
    }
}
