using System.Text;

namespace Pulya.LoadTest.Tests;

public sealed class HttpResponseReaderTests
{
    [Fact]
    public void A_response_with_content_length_is_consumed_to_the_end_of_its_body()
    {
        var data = Bytes("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\ncontent-length: 7\r\n\r\n{\"a\":1}");

        Assert.True(HttpResponseReader.TryParse(data, out var consumed, out var status));

        Assert.Equal((data.Length, 200), (consumed, status));
    }

    [Fact]
    public void Pipelined_responses_are_read_one_at_a_time()
    {
        var first = "HTTP/1.1 404 Not Found\r\nContent-Length: 2\r\n\r\n{}";
        var data = Bytes(first + "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n");

        Assert.True(HttpResponseReader.TryParse(data, out var consumed, out var status));
        Assert.Equal((first.Length, 404), (consumed, status));
        Assert.True(HttpResponseReader.TryParse(data.AsSpan(consumed), out var second, out status));
        Assert.Equal((data.Length - first.Length, 200), (second, status));
    }

    [Fact]
    public void A_chunked_body_ends_at_the_last_chunk()
    {
        var data = Bytes("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5;x=y\r\nhello\r\na\r\n0123456789\r\n0\r\n\r\n");

        Assert.True(HttpResponseReader.TryParse(data, out var consumed, out var status));

        Assert.Equal((data.Length, 200), (consumed, status));
    }

    [Theory]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n")]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nabc")]
    [InlineData("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhel")]
    [InlineData("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n")]
    public void An_incomplete_response_is_not_consumed(string text)
    {
        Assert.False(HttpResponseReader.TryParse(Bytes(text), out var consumed, out _));
        Assert.Equal(0, consumed);
    }

    [Theory]
    [InlineData("SSH-2.0-OpenSSH\r\n\r\n")]
    [InlineData("HTTP/1.1 2x0 OK\r\n\r\n")]
    [InlineData("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n")]
    public void Anything_else_is_rejected(string text)
    {
        Assert.Throws<InvalidDataException>(() => HttpResponseReader.TryParse(Bytes(text), out _, out _));
    }

    private static byte[] Bytes(string text) => Encoding.ASCII.GetBytes(text);
}
