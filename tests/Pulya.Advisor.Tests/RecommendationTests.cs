using Pulya.Advisor.Reporting;

namespace Pulya.Advisor.Tests;

public sealed class RecommendationTests
{
    [Fact]
    public void A_candidate_whose_rounds_overlap_the_defaults_is_within_the_noise()
    {
        var verdict = Recommendation.Decide([Summaries.Of("defaults", [1000, 1100, 1200]), Summaries.Of("Router=Trie", [1150, 1250, 1300])]);

        Assert.Null(verdict.Recommended);
        Assert.Empty(verdict.Winners);
        Assert.Equal(Recommendation.NoDifference, verdict.Text);
    }

    [Fact]
    public void A_candidate_whose_slowest_round_beats_the_defaults_fastest_by_more_than_the_spread_is_recommended()
    {
        var verdict = Recommendation.Decide([Summaries.Of("defaults", [1000, 1020, 1040]), Summaries.Of("Router=Trie", [1500, 1520, 1560])]);

        Assert.Equal("Router=Trie", verdict.Recommended);
        Assert.StartsWith("use Router=Trie: 1.49x", verdict.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_gain_smaller_than_the_spread_of_the_rounds_is_noise_even_without_overlap()
    {
        // Ranges 1000–1400 and 1410–1420: no overlap, but the defaults' own rounds spread by 40%, the gain is 18%.
        var verdict = Recommendation.Decide([Summaries.Of("defaults", [1000, 1200, 1400]), Summaries.Of("Pooling:Enabled=true", [1410, 1415, 1420])]);

        Assert.Null(verdict.Recommended);
    }

    [Fact]
    public void A_faster_candidate_with_a_worse_tail_beyond_the_noise_is_not_recommended()
    {
        var verdict = Recommendation.Decide([
            Summaries.Of("defaults", [1000, 1010, 1020], p99: [2, 2.1, 2.2]),
            Summaries.Of("Router=Trie", [2000, 2010, 2020], p99: [9, 9.5, 10])]);

        Assert.Null(verdict.Recommended);
    }

    [Fact]
    public void The_simpler_set_wins_when_the_combination_does_not_beat_it_beyond_the_noise()
    {
        var verdict = Recommendation.Decide([
            Summaries.Of("defaults", [1000, 1010, 1020], phase: 2),
            Summaries.Of("Router=Trie + RouteCache:Enabled=true", [2100, 2200, 2300], phase: 2),
            Summaries.Of("Router=Trie", [2000, 2150, 2250], phase: 2)]);

        Assert.Equal(["Router=Trie + RouteCache:Enabled=true", "Router=Trie"], verdict.Winners);
        Assert.Equal("Router=Trie", verdict.Recommended);
    }

    [Fact]
    public void The_combination_wins_when_it_beats_each_part_beyond_the_noise()
    {
        var verdict = Recommendation.Decide([
            Summaries.Of("defaults", [1000, 1010, 1020]),
            Summaries.Of("Router=Trie + Pooling:Enabled=true", [3000, 3010, 3020]),
            Summaries.Of("Router=Trie", [2000, 2010, 2020])]);

        Assert.Equal("Router=Trie + Pooling:Enabled=true", verdict.Recommended);
    }

    [Fact]
    public void One_round_measures_no_noise_and_recommends_nothing()
    {
        var verdict = Recommendation.Decide([Summaries.Of("defaults", [1000]), Summaries.Of("Router=Trie", [3000])]);

        Assert.Null(verdict.Recommended);
        Assert.Contains("one round measures no noise", verdict.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_the_defaults_there_is_no_recommendation()
    {
        var verdict = Recommendation.Decide([Summaries.Of("Router=Trie", [2000, 2010])]);

        Assert.Null(verdict.Recommended);
        Assert.Contains("not measured", verdict.Text, StringComparison.Ordinal);
    }
}
