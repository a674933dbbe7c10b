using Pulya.Routing.Cached;

namespace Pulya.Routing.Cached.Tests;

/// <summary>The admission filter: a bounded "seen once" set of key hashes, four per bucket.</summary>
public sealed class DoorkeeperTests
{
    [Theory]
    [InlineData(1, 16)]
    [InlineData(16, 16)]
    [InlineData(17, 32)]
    [InlineData(1000, 1024)]
    [InlineData(1 << 20, 1 << 20)]
    [InlineData(int.MaxValue, 1 << 20)]
    public void One_bucket_per_entry_rounded_up_to_a_power_of_two_between_16_and_a_mebibucket(int capacity, int buckets)
    {
        Assert.Equal(buckets, new Doorkeeper(capacity).Buckets);
    }

    [Theory]
    [InlineData(12345)]
    [InlineData(-7)]
    [InlineData(0)]
    [InlineData(1)]
    public void A_hash_is_seen_before_from_its_second_time_on(int hash)
    {
        var doorkeeper = new Doorkeeper(16);

        Assert.False(doorkeeper.Contains(hash));
        Assert.False(doorkeeper.SeenBefore(hash));
        Assert.True(doorkeeper.Contains(hash));
        Assert.True(doorkeeper.SeenBefore(hash));
        Assert.True(doorkeeper.SeenBefore(hash));
    }

    [Fact]
    public void Four_hashes_share_a_bucket_and_a_fifth_replaces_one_of_them_at_random()
    {
        var doorkeeper = new Doorkeeper(16);
        var buckets = doorkeeper.Buckets;
        int SameBucket(int i) => 5 + (i * buckets);
        for (var i = 0; i < 4; i++)
        {
            Assert.False(doorkeeper.SeenBefore(SameBucket(i)));
        }

        Assert.All(Enumerable.Range(0, 4), i => Assert.True(doorkeeper.SeenBefore(SameBucket(i))));

        // A fixed way would always replace the key recorded just before (age 1), first-in-first-out the oldest (age 4).
        var victimAges = new HashSet<int>();
        for (var i = 4; i < 100; i++)
        {
            var remembered = Enumerable.Range(0, i).Where(j => doorkeeper.Contains(SameBucket(j))).ToArray();
            Assert.False(doorkeeper.SeenBefore(SameBucket(i)));
            Assert.True(doorkeeper.Contains(SameBucket(i)));
            var gone = remembered.Where(j => !doorkeeper.Contains(SameBucket(j))).ToArray();
            Assert.Single(gone);
            victimAges.Add(i - gone[0]);
        }

        Assert.True(victimAges.Count >= 3, $"victims were always of the ages {string.Join(", ", victimAges)}");
        Assert.False(doorkeeper.Contains(6));
    }

    [Fact]
    public void Five_hot_hashes_cycling_through_one_bucket_are_all_admitted_eventually()
    {
        var doorkeeper = new Doorkeeper(16);
        var waiting = Enumerable.Range(0, 5).Select(i => 3 + (i * doorkeeper.Buckets)).ToList();

        for (var cycle = 0; cycle < 200 && waiting.Count > 0; cycle++)
        {
            // An admitted key is answered from the cache from then on, so it stops asking the doorkeeper.
            waiting = [.. waiting.Where(hash => !doorkeeper.SeenBefore(hash))];
        }

        Assert.Empty(waiting);
    }

    [Fact]
    public void The_hash_zero_does_not_look_like_an_empty_way_nor_like_another_hash()
    {
        var doorkeeper = new Doorkeeper(16);

        Assert.False(doorkeeper.SeenBefore(1));
        Assert.False(doorkeeper.SeenBefore(0));
        Assert.False(doorkeeper.SeenBefore(doorkeeper.Buckets));
        Assert.True(doorkeeper.SeenBefore(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Doorkeeper(0));
    }
}
