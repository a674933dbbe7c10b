using System.Text;
using Pulya.Advisor.Correctness;

namespace Pulya.Advisor.Tests;

public sealed class AnswerTests
{
    private static Answer Json(string body, int status = 200) => new(status, "application/json", Encoding.UTF8.GetBytes(body));

    [Fact]
    public void JSON_bodies_are_compared_as_values()
    {
        Assert.Null(Json("""{"a":1,"b":[1,2]}""").Difference(Json("""{ "b": [1, 2], "a": 1 }"""), statusOnly: false));
        Assert.Contains("JSON body", Json("""{"a":1}""").Difference(Json("""{"a":2}"""), statusOnly: false), StringComparison.Ordinal);
    }

    [Fact]
    public void Status_media_type_and_other_bodies_count()
    {
        Assert.Equal("status 404 instead of 200", Json("{}").Difference(Json("{}", 404), statusOnly: false));
        Assert.Contains("Content-Type application/msgpack", Json("{}").Difference(new Answer(200, "application/msgpack", [0x80]), statusOnly: false), StringComparison.Ordinal);
        Assert.Contains("body 'Hi'", new Answer(200, "text/plain", "Hello"u8.ToArray()).Difference(new Answer(200, "text/plain", "Hi"u8.ToArray()), statusOnly: false), StringComparison.Ordinal);
        Assert.Null(new Answer(204, null, []).Difference(new Answer(204, null, []), statusOnly: false));
    }

    [Fact]
    public void An_answer_that_varies_is_compared_by_status_only()
    {
        Assert.Null(Json("""{"now":1}""").Difference(Json("""{"now":2}"""), statusOnly: true));
        Assert.NotNull(Json("""{"now":1}""").Difference(Json("""{"now":1}""", 500), statusOnly: true));
    }
}
