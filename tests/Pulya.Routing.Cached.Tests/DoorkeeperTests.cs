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

        Assert.False(doorkeeper.SeenBefore(hash));
        Assert.True(doorkeeper.SeenBefore(hash));
        Assert.True(doorkeeper.SeenBefore(hash));
    }

    [Fact]
    public void Hashes_that_share_a_bucket_are_all_remembered_until_four_others_arrive()
    {
        var doorkeeper = new Doorkeeper(16);
        var buckets = doorkeeper.Buckets;
        int SameBucket(int i) => 5 + (i * buckets);

        // Two hot keys alternating in one bucket are both admitted on their second time.
        Assert.False(doorkeeper.SeenBefore(SameBucket(0)));
        Assert.False(doorkeeper.SeenBefore(SameBucket(1)));
        Assert.True(doorkeeper.SeenBefore(SameBucket(0)));
        Assert.True(doorkeeper.SeenBefore(SameBucket(1)));

        // The first is forgotten once four other keys have arrived after it (1, 2, 3, 4); reading it does not renew it.
        Assert.False(doorkeeper.SeenBefore(SameBucket(2)));
        Assert.False(doorkeeper.SeenBefore(SameBucket(3)));
        Assert.True(doorkeeper.SeenBefore(SameBucket(0)));
        Assert.False(doorkeeper.SeenBefore(SameBucket(4)));
        Assert.False(doorkeeper.SeenBefore(SameBucket(0)));
        Assert.True(doorkeeper.SeenBefore(SameBucket(4)));
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
