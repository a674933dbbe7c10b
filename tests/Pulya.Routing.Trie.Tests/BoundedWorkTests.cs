using Pulya.Testing.Conformance.Routing;
using Pulya.Routing.Trie;

namespace Pulya.Routing.Trie.Tests;

/// <summary>
/// Pathological input is bounded: the work of one match, counted in trie node visits and path characters examined,
/// never exceeds the size of the trie and grows linearly with the path length. Counted, never timed.
/// </summary>
public sealed class BoundedWorkTests
{
    [Fact]
    public void A_path_of_ten_thousand_segments_costs_no_more_visits_than_the_trie_is_deep()
    {
        var router = TrieRouter.Build(RouteSets.Table("github"));
        var values = new Range[router.Table.MaxParameterCount];
        var shortPath = "/repos/o/r/" + string.Join('/', Enumerable.Repeat("x", 100));
        var longPath = "/repos/o/r/" + string.Join('/', Enumerable.Repeat("x", 10_000));

        var shortSteps = Count(router, "GET", shortPath, values, out var shortMatch);
        var longSteps = Count(router, "GET", longPath, values, out var longMatch);

        Assert.Equal(RouteMatchKind.NotFound, shortMatch.Kind);
        Assert.Equal(RouteMatchKind.NotFound, longMatch.Kind);
        Assert.Equal(shortSteps.Visits, longSteps.Visits);
        Assert.True(longSteps.Visits <= 16, $"{longSteps.Visits} visits");
        Assert.True(longSteps.Characters <= 2L * longPath.Length, $"{longSteps.Characters} characters for a path of {longPath.Length}");
    }

    [Fact]
    public void A_64_KiB_path_is_examined_a_bounded_number_of_times()
    {
        var router = TrieRouter.Build(RouteSets.Table("github"));
        var values = new Range[router.Table.MaxParameterCount];
        var path = "/users/" + new string('1', 64 * 1024);

        var steps = Count(router, "GET", path, values, out var match);

        Assert.Equal("/users/{user}", match.Route!.Template.Text);
        Assert.True(steps.Characters <= 3L * path.Length, $"{steps.Characters} characters for a path of {path.Length}");
    }

    [Fact]
    public void A_table_built_to_force_backtracking_visits_each_node_at_most_once()
    {
        // Every combination of int, long and untyped parameters over six levels, each ending in "/end": 729 routes.
        // A numeric path ending in "/nope" satisfies every constraint, so the walk must try every branch and fail.
        var kinds = new[] { ":int", ":long", string.Empty };
        var templates = new List<string> { string.Empty };
        for (var level = 0; level < 6; level++)
        {
            templates = [.. templates.SelectMany(t => kinds.Select(k => $"{t}/{{p{level}{k}}}"))];
        }

        var table = new RouteTable(templates.Select(t => new RouteEntry("GET", RouteTemplate.Parse(t + "/end"))));
        var router = TrieRouter.Build(table);
        var values = new Range[6];
        var failing = "/1/2/3/4/5/6/nope";
        var longer = "/1/2/3/4/5/6/nope/" + string.Join('/', Enumerable.Repeat("7", 10_000));

        var failed = Count(router, "GET", failing, values, out var failedMatch);
        var failedLonger = Count(router, "GET", longer, values, out _);
        var found = Count(router, "GET", "/1/2/3/4/5/x/end", values, out var foundMatch);

        Assert.Equal(RouteMatchKind.NotFound, failedMatch.Kind);
        Assert.True(failed.Visits <= router.NodeCount + 1, $"{failed.Visits} visits for {router.NodeCount} nodes");
        Assert.Equal(failed.Visits, failedLonger.Visits);
        Assert.Equal("/{p0:int}/{p1:int}/{p2:int}/{p3:int}/{p4:int}/{p5}/end", foundMatch.Route!.Template.Text);
        Assert.True(found.Visits < failed.Visits);
    }

    [Fact]
    public void The_production_match_and_the_counted_match_agree()
    {
        var router = TrieRouter.Build(RouteSets.Table("github"));
        var values = new Range[router.Table.MaxParameterCount];
        foreach (var (method, path, _) in RouteSets.Paths("github"))
        {
            var counted = Count(router, method, path, values, out var match);

            Assert.Equal(router.Match(method, path, values), match);
            Assert.True(counted.Visits >= 1);
        }
    }

    private static StepCounter Count(TrieRouter router, string method, string path, Span<Range> values, out RouteMatch match)
    {
        var counter = default(StepCounter);
        match = router.Match(method, path, values, ref counter);
        return counter;
    }
}
