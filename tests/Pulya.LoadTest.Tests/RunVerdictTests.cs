using static Pulya.LoadTest.Tests.RunData;

namespace Pulya.LoadTest.Tests;

public sealed class RunVerdictTests
{
    [Fact]
    public void A_run_where_every_profile_answered_2xx_has_no_problem()
    {
        var results = Results([], servers: [Server("baseline", ServerSpec.ProfileKind, true), Server("minimal-api", ServerSpec.PeerKind, true)], measurements: [Run("baseline"), Run("minimal-api")]);

        Assert.Empty(RunVerdict.Problems(results));
    }

    [Fact]
    public void An_unavailable_Pulya_profile_fails_even_when_the_peers_ran()
    {
        var results = Results([], servers: [Server("optimized", ServerSpec.ProfileKind, false), Server("minimal-api", ServerSpec.PeerKind, true), Server("raw-kestrel", ServerSpec.PeerKind, true)], measurements: [Run("minimal-api"), Run("raw-kestrel")]);

        Assert.Contains("profile 'optimized' unavailable", Assert.Single(RunVerdict.Problems(results)), StringComparison.Ordinal);
    }

    [Fact]
    public void An_unavailable_peer_is_only_reported()
    {
        var results = Results([], servers: [Server("baseline", ServerSpec.ProfileKind, true), Server("raw-kestrel", ServerSpec.PeerKind, false)], measurements: [Run("baseline")]);

        Assert.Empty(RunVerdict.Problems(results));
    }

    [Theory]
    [InlineData(0, 0, 0)]
    [InlineData(1000, 1, 0)]
    [InlineData(1000, 0, 1)]
    public void A_run_with_no_requests_errors_or_non_2xx_answers_fails(long requests, long non2xx, long errors)
    {
        var results = Results([], servers: [Server("baseline", ServerSpec.ProfileKind, true)], measurements: [Run("baseline", requests, non2xx, errors)]);

        Assert.Single(RunVerdict.Problems(results));
    }

    [Fact]
    public void A_run_that_measured_nothing_fails()
    {
        Assert.Equal(["nothing was measured"], RunVerdict.Problems(Results([])));
    }
}
