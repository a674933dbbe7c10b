using Pulya.Http;

namespace Pulya.Abstractions.Tests.Http;

public sealed class ResponseTests
{
    [Fact]
    public void Defaults_to_200_without_content_or_headers()
    {
        var response = new Response();

        Assert.Equal(200, response.StatusCode);
        Assert.Null(response.Content);
        Assert.Null(response.ContentType);
        Assert.False(response.HasHeaders);
    }

    [Fact]
    public void Factories_set_content_status_and_type()
    {
        Assert.Equal("hi", Response.Text("hi", 201).Content);
        Assert.Equal(201, Response.Text("hi", 201).StatusCode);

        var bytes = Response.Bytes([1, 2], "image/png", 202);
        Assert.Equal("image/png", bytes.ContentType);
        Assert.Equal(202, bytes.StatusCode);
        Assert.Equal("application/octet-stream", Response.Bytes([1]).ContentType);

        var value = new object();
        Assert.Same(value, Response.Serialized(value, 203).Content);
        Assert.Equal(204, Response.Status(204).StatusCode);
        Assert.Null(Response.Status(204).Content);
    }

    [Fact]
    public void Headers_keep_order_and_repeats()
    {
        var response = Response.Text("x").WithHeader("X-A", "1").WithHeader("X-A", "2");

        Assert.True(response.HasHeaders);
        Assert.Equal([new("X-A", "1"), new KeyValuePair<string, string>("X-A", "2")], response.Headers);
    }

    [Theory]
    [InlineData(99)]
    [InlineData(100)]
    [InlineData(101)]
    [InlineData(199)]
    [InlineData(600)]
    public void Status_outside_the_final_200_to_599_is_refused(int status)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Response { StatusCode = status });
        Assert.Throws<ArgumentOutOfRangeException>(() => Response.Status(status));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Response("x", status));
    }

    [Theory]
    [InlineData(204)]
    [InlineData(205)]
    [InlineData(304)]
    public void Statuses_without_content_refuse_content_whichever_is_set_first(int status)
    {
        Assert.Throws<ArgumentException>(() => new Response("x", status));
        Assert.Throws<ArgumentException>(() => Response.Serialized(new { a = 1 }, status));
        Assert.Throws<ArgumentException>(() => Response.Text("", status));
        Assert.Throws<ArgumentException>(() => new Response("x") { StatusCode = status });
        Assert.Throws<ArgumentException>(() => new Response { StatusCode = status, Content = "x" });
        var allowed = new Response { StatusCode = status, Content = null };
        Assert.Equal(status, allowed.StatusCode);
        allowed.StatusCode = 200;
        allowed.Content = "now allowed";
        Assert.Equal("now allowed", allowed.Content);
    }

    [Fact]
    public void Header_arguments_are_checked()
    {
        Assert.Throws<ArgumentException>(() => new Response().WithHeader("", "v"));
        Assert.Throws<ArgumentNullException>(() => new Response().WithHeader("X", null!));
    }
}
