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
        Assert.Equal("None", options.PoolProvider);
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
