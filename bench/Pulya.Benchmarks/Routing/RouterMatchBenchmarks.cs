using BenchmarkDotNet.Attributes;
using Pulya.Routing;
using Pulya.Routing.Trie;

namespace Pulya.Benchmarks.Routing;

/// <summary>
/// Matching speed of Linear (baseline), Trie and ASP.NET Core over the same templates. Static: every path of
/// <c>static.paths</c> once per operation (157 matches); Dynamic: one GitHub path with two parameters; GitHub: every
/// path of <c>github.paths</c> once per operation (203 matches). ASP.NET Core's matcher is internal, so its rows run the
/// endpoint routing middleware (<c>UseRouting</c>) on a reused context while Pulya's routers are called directly: the
/// <c>*_AspNetCore_OneRoute</c> rows run the same middleware over a one-route table for the same number of requests,
/// which is its fixed cost per request; the matcher's own share is the difference between the two ASP.NET rows.
/// </summary>
[BenchmarkCategory("Routing")]
public class RouterMatchBenchmarks
{
    private const string DynamicMethod = "GET";
    private const string DynamicPath = "/repos/julienschmidt/httprouter/stargazers";
    private const string OneRoute = "/only";

    private IRouter _linearStatic = null!;
    private IRouter _trieStatic = null!;
    private AspNetCoreMatcher _aspNetStatic = null!;
    private IRouter _linearGithub = null!;
    private IRouter _trieGithub = null!;
    private AspNetCoreMatcher _aspNetGithub = null!;
    private AspNetCoreMatcher _aspNetOneRoute = null!;
    private (string Method, string Path)[] _staticPaths = null!;
    private (string Method, string Path)[] _githubPaths = null!;
    private Range[] _values = null!;

    [GlobalSetup]
    public void Setup()
    {
        var staticRoutes = RouteSetFiles.Routes("static");
        var githubRoutes = RouteSetFiles.Routes("github");
        var staticTable = RouteSetFiles.Table(staticRoutes);
        var githubTable = RouteSetFiles.Table(githubRoutes);
        _linearStatic = new LinearRouterFactory().Create(staticTable);
        _trieStatic = new TrieRouterFactory().Create(staticTable);
        _aspNetStatic = new AspNetCoreMatcher(staticRoutes);
        _linearGithub = new LinearRouterFactory().Create(githubTable);
        _trieGithub = new TrieRouterFactory().Create(githubTable);
        _aspNetGithub = new AspNetCoreMatcher(githubRoutes);
        _staticPaths = RouteSetFiles.Paths("static");
        _githubPaths = RouteSetFiles.Paths("github");
        _values = new Range[githubTable.MaxParameterCount];
        _aspNetOneRoute = new AspNetCoreMatcher([("GET", OneRoute)]);
        Verify();
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        await _aspNetStatic.DisposeAsync();
        await _aspNetGithub.DisposeAsync();
        await _aspNetOneRoute.DisposeAsync();
    }

    [Benchmark(Baseline = true), BenchmarkCategory("Static")]
    public int Static_Linear() => MatchAll(_linearStatic, _staticPaths);

    [Benchmark, BenchmarkCategory("Static")]
    public int Static_Trie() => MatchAll(_trieStatic, _staticPaths);

    [Benchmark, BenchmarkCategory("Static")]
    public int Static_AspNetCore() => MatchAll(_aspNetStatic, _staticPaths);

    [Benchmark, BenchmarkCategory("Static")]
    public int Static_AspNetCore_OneRoute() => MatchOneRoute(_staticPaths.Length);

    [Benchmark(Baseline = true), BenchmarkCategory("Dynamic")]
    public RouteMatchKind Dynamic_Linear() => _linearGithub.Match(DynamicMethod, DynamicPath, _values).Kind;

    [Benchmark, BenchmarkCategory("Dynamic")]
    public RouteMatchKind Dynamic_Trie() => _trieGithub.Match(DynamicMethod, DynamicPath, _values).Kind;

    [Benchmark, BenchmarkCategory("Dynamic")]
    public object? Dynamic_AspNetCore() => _aspNetGithub.Match(DynamicMethod, DynamicPath);

    [Benchmark, BenchmarkCategory("Dynamic")]
    public int Dynamic_AspNetCore_OneRoute() => MatchOneRoute(1);

    [Benchmark(Baseline = true), BenchmarkCategory("GitHub")]
    public int GitHub_Linear() => MatchAll(_linearGithub, _githubPaths);

    [Benchmark, BenchmarkCategory("GitHub")]
    public int GitHub_Trie() => MatchAll(_trieGithub, _githubPaths);

    [Benchmark, BenchmarkCategory("GitHub")]
    public int GitHub_AspNetCore() => MatchAll(_aspNetGithub, _githubPaths);

    [Benchmark, BenchmarkCategory("GitHub")]
    public int GitHub_AspNetCore_OneRoute() => MatchOneRoute(_githubPaths.Length);

    private int MatchOneRoute(int count)
    {
        var found = 0;
        for (var i = 0; i < count; i++)
        {
            if (_aspNetOneRoute.Match(DynamicMethod, OneRoute) is not null)
            {
                found++;
            }
        }

        return found;
    }

    private int MatchAll(IRouter router, (string Method, string Path)[] paths)
    {
        var found = 0;
        var values = _values;
        foreach (var (method, path) in paths)
        {
            if (router.Match(method, path, values).Kind == RouteMatchKind.Found)
            {
                found++;
            }
        }

        return found;
    }

    private static int MatchAll(AspNetCoreMatcher matcher, (string Method, string Path)[] paths)
    {
        var found = 0;
        foreach (var (method, path) in paths)
        {
            if (matcher.Match(method, path) is not null)
            {
                found++;
            }
        }

        return found;
    }

    /// <summary>Every alternative must find every path, or the comparison is meaningless.</summary>
    private void Verify()
    {
        Check(MatchAll(_linearStatic, _staticPaths), _staticPaths.Length, "Linear static");
        Check(MatchAll(_trieStatic, _staticPaths), _staticPaths.Length, "Trie static");
        Check(MatchAll(_aspNetStatic, _staticPaths), _staticPaths.Length, "ASP.NET Core static");
        Check(MatchAll(_linearGithub, _githubPaths), _githubPaths.Length, "Linear GitHub");
        Check(MatchAll(_trieGithub, _githubPaths), _githubPaths.Length, "Trie GitHub");
        Check(MatchAll(_aspNetGithub, _githubPaths), _githubPaths.Length, "ASP.NET Core GitHub");
        Check(MatchOneRoute(3), 3, "ASP.NET Core one route");
    }

    private static void Check(int found, int expected, string what) => SetupCheck.That(found == expected, $"{what}: {found} of {expected} paths found.");
}
