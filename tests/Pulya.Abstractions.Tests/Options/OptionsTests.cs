using Pulya.Http;

namespace Pulya.Abstractions.Tests.Options;

public sealed class OptionsTests
{
    [Fact]
    public void Defaults_are_the_documented_ones()
    {
        var options = new PulyaOptions();

        Assert.Equal("Linear", options.Router);
        Assert.Equal("SystemTextJson", options.Serializer);
        Assert.Equal(1024 * 1024, options.MaxRequestBodySize);
        Assert.Equal(HeaderStrategy.First, options.HeaderStrategy);
        Assert.False(options.RouteCache.Enabled);
        Assert.Equal(1000, options.RouteCache.Capacity);
        Assert.False(options.RouteCache.CacheMethodNotAllowed);
        Assert.False(options.Pooling.Enabled);
        Assert.Equal(1024, options.Pooling.MaximumRetained);
    }

    [Fact]
    public void Setters_accept_valid_values()
    {
        var options = new PulyaOptions
        {
            Router = "Trie",
            Serializer = "MessagePack",
            MaxRequestBodySize = 10,
            HeaderStrategy = HeaderStrategy.Forbid,
            RouteCache = new RouteCacheOptions { Enabled = true, Capacity = 5, CacheMethodNotAllowed = true },
            Pooling = new PoolingOptions { Enabled = true, MaximumRetained = 7 },
        };

        Assert.Equal(10, options.MaxRequestBodySize);
        Assert.Equal(5, options.RouteCache.Capacity);
        Assert.True(options.RouteCache.CacheMethodNotAllowed);
        Assert.Equal(7, options.Pooling.MaximumRetained);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Setters_reject_out_of_range_values_at_once(int value)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new PulyaOptions { MaxRequestBodySize = value });
        Assert.Throws<ArgumentOutOfRangeException>(() => new RouteCacheOptions { Capacity = value });
        Assert.Throws<ArgumentOutOfRangeException>(() => new PoolingOptions { MaximumRetained = value });
    }

    [Fact]
    public void Binding_attributes_carry_their_names()
    {
        Assert.Null(new QueryAttribute().Name);
        Assert.Equal("q", new QueryAttribute("q").Name);
        Assert.Throws<ArgumentException>(() => new QueryAttribute(""));

        var header = new HeaderAttribute("X-A");
        Assert.Equal("X-A", header.Name);
        Assert.False(header.HasStrategy);
        Assert.Equal(HeaderStrategy.First, header.Strategy);
        header.Strategy = HeaderStrategy.Forbid;
        Assert.True(header.HasStrategy);
        Assert.Equal(HeaderStrategy.Forbid, header.Strategy);
        Assert.Throws<ArgumentException>(() => new HeaderAttribute(""));

        Assert.NotNull(new BodyAttribute());
        Assert.NotNull(new ServiceAttribute());
    }

    [Fact]
    public void Exceptions_keep_their_causes()
    {
        var inner = new InvalidOperationException("inner");

        Assert.Same(inner, new Pulya.Serialization.BodyFormatException("bad", inner).InnerException);
        Assert.Equal("bad", new Pulya.Serialization.BodyFormatException("bad").Message);
        Assert.Same(inner, new Pulya.Routing.RouteConflictException("conflict", inner).InnerException);
        Assert.Equal("conflict", new Pulya.Routing.RouteConflictException("conflict").Message);
        Assert.Equal("Conflicting routes.", new Pulya.Routing.RouteConflictException().Message);
    }
}
