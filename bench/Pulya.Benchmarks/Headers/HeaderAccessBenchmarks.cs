using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Http;
using Pulya.Http;

namespace Pulya.Benchmarks.Headers;

/// <summary>
/// Header access the way a handler does it (a few lookups per request): direct <see cref="IHeaderDictionary"/> access,
/// which is what a Kestrel or ASP.NET Core application does (baseline), Pulya's <see cref="Http.Headers"/> view over the
/// same dictionary, and, for reference, copying every header into a lower-cased dictionary first (what Pulya avoids).
/// </summary>
[BenchmarkCategory("Headers")]
public class HeaderAccessBenchmarks
{
    private HeaderDictionary _server = null!;

    [GlobalSetup]
    public void Setup()
    {
        _server = new HeaderDictionary
        {
            ["Host"] = "127.0.0.1:5000",
            ["User-Agent"] = "wrk/4.2",
            ["Accept"] = "application/json",
            ["Accept-Encoding"] = "gzip, deflate",
            ["Connection"] = "keep-alive",
            ["X-Example"] = "value",
            ["X-Request-Id"] = "0f8fad5b-d9cb-469f-a165-70867728950e",
            ["Cookie"] = new Microsoft.Extensions.Primitives.StringValues(["a=1", "b=2"]),
        };
    }

    [Benchmark(Baseline = true)]
    public int DirectHeaderDictionary()
    {
        var headers = (IHeaderDictionary)_server;
        return headers["X-Example"][0]!.Length + headers.Accept[0]!.Length + headers.Cookie.Count + headers["X-Missing"].Count;
    }

    [Benchmark]
    public int NaiveLowerCasedCopy()
    {
        var copy = new Dictionary<string, List<string>>();
        foreach (var (name, values) in _server)
        {
            var key = name.ToLowerInvariant();
            if (!copy.TryGetValue(key, out var list))
            {
                copy[key] = list = [];
            }

            foreach (var value in values)
            {
                list.Add(value!);
            }
        }

        return copy["x-example".ToLowerInvariant()][0].Length + copy["accept".ToLowerInvariant()][0].Length + copy["cookie"].Count
            + (copy.TryGetValue("X-Missing".ToLowerInvariant(), out var missing) ? missing.Count : 0);
    }

    [Benchmark]
    public int PulyaHeaders()
    {
        var headers = new Http.Headers(_server);
        return headers.Get("X-Example")!.Length + headers.Get("accept")!.Length + headers.GetList("Cookie").Count
            + headers.GetList("X-Missing").Count;
    }
}
