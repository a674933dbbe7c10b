namespace Pulya.Serialization.Tests;

public sealed class TripwireTests
{
    [Fact]
    public void Instances_created_by_a_test_running_in_parallel_are_not_counted_by_this_one()
    {
        var before = Tripwire.Created;

        // Another test class creating tripwires on its own thread at the same time.
        var other = new Thread(() => _ = new Tripwire());
        other.Start();
        other.Join();
        var after = Tripwire.Created;
        _ = new Tripwire();

        Assert.Equal(before, after);
        Assert.Equal(before + 1, Tripwire.Created);
    }
}
