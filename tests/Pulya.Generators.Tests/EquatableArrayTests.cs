using System.Collections;
using System.Collections.Immutable;
using Pulya.Generators.Model;

namespace Pulya.Generators.Tests;

public sealed class EquatableArrayTests
{
    [Fact]
    public void Arrays_with_the_same_elements_are_equal_and_hash_alike()
    {
        var a = new EquatableArray<string>(["x", "y"]);
        var b = new EquatableArray<string>(ImmutableArray.Create("x", "y"));
        var c = new EquatableArray<string>(["y", "x"]);

        Assert.True(a.Equals((object)b));
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.False(a.Equals((object)c));
        Assert.False(a.Equals("x"));
        Assert.Equal(0, default(EquatableArray<string>).Count);
        var items = new List<object>();
        foreach (var item in (IEnumerable)a)
        {
            items.Add(item);
        }

        Assert.Equal(["x", "y"], items);
    }
}
