using Pulya.LoadTest.Soak;

namespace Pulya.LoadTest.Tests;

public sealed class SoakResultTests
{
    private static readonly string[] Cached = ["--Pulya:RouteCache:Capacity=500", "--Pulya:RouteCache:Enabled=True", "--Pulya:Router=Trie"];

    [Fact]
    public void A_level_soak_with_the_cache_within_capacity_and_a_clean_stop_passes()
    {
        var result = Soak(Cached, level: true, cacheEntries: 500) with { SigTermExitCode = 0 };

        Assert.True(result.Passed, string.Join(", ", result.Checks.Where(c => !c.Passed).Select(c => c.Check)));
        Assert.Equal(500, result.RouteCacheCapacity);
    }

    [Fact]
    public void Memory_growing_over_the_second_half_fails()
    {
        var result = Soak([], level: false, cacheEntries: null) with { SigTermExitCode = 0 };

        Assert.Equal(["working set growth over the second half < 10%", "GC heap growth over the second half < 10%"], Failed(result));
    }

    [Fact]
    public void A_cache_above_capacity_fails()
    {
        Assert.Equal(["route cache entries ≤ capacity"], Failed(Soak(Cached, level: true, cacheEntries: 501) with { SigTermExitCode = 0 }));
    }

    [Fact]
    public void Missing_figures_fail_instead_of_counting_as_met()
    {
        // The profile enables the cache but its entry count was never read; no exit code after SIGTERM.
        Assert.Equal(["route cache entries ≤ capacity", "exit code 0 after SIGTERM"], Failed(Soak(Cached, level: true, cacheEntries: null)));
    }

    [Fact]
    public void A_profile_that_did_not_start_fails_every_figure()
    {
        var result = SoakResult.Unavailable("optimized", Cached, "exited with code 1 before answering", 16, 0.3);

        Assert.False(result.Passed);
        Assert.Contains("server started", Failed(result));
    }

    [Fact]
    public void Without_samples_in_the_compared_windows_growth_is_missing()
    {
        Assert.True(double.IsNaN(SoakResult.Growth([new SoakSample(1, 100, 100, 0, 0, 0, null, 0)], 100, s => s.WorkingSet)));
    }

    [Theory]
    [InlineData(new string[0], null)]
    [InlineData(new[] { "--Pulya:RouteCache:Enabled=False", "--Pulya:RouteCache:Capacity=10" }, null)]
    [InlineData(new[] { "--Pulya:RouteCache:Enabled=true" }, 1000)]
    public void The_capacity_comes_from_the_profile(string[] arguments, int? expected)
    {
        Assert.Equal(expected, SoakResult.RouteCacheCapacityOf(arguments));
    }

    private static SoakResult Soak(IReadOnlyList<string> arguments, bool level, int? cacheEntries)
    {
        var samples = Enumerable.Range(1, 100).Select(i =>
        {
            var mb = (level ? 100 : 100 + i) * 1048576L;
            return new SoakSample(i, mb, mb / 2, i, 0, 0, cacheEntries, 50_000);
        }).ToList();
        return SoakResult.Create("optimized", arguments, 16, 0.3, 100, 5_000_000, 0, new Dictionary<string, long> { ["GET /"] = 5_000_000 }, new Dictionary<string, long>(), samples);
    }

    private static List<string> Failed(SoakResult result) => [.. result.Checks.Where(c => !c.Passed).Select(c => c.Check)];
}
