using Microsoft.AspNetCore.Http;
using Pulya.Http;

namespace Pulya.Abstractions.Tests.Http;

public sealed class StreamingResponseTests
{
    [Fact]
    public void File_resolves_the_path_and_takes_the_content_type_from_the_extension()
    {
        var file = Response.File("folder/report.json");
        var unknown = Response.File("data.unknown-extension");
        var typed = Response.File("a.txt", "text/csv");

        Assert.Equal(Path.GetFullPath("folder/report.json"), Assert.IsType<FileContent>(file.Content).Path);
        Assert.Equal("application/json", file.ContentType);
        Assert.Equal("application/octet-stream", unknown.ContentType);
        Assert.Equal("text/csv", typed.ContentType);
        Assert.Throws<ArgumentException>(() => Response.File(""));
    }

    [Fact]
    public void EventStream_keeps_the_producer_and_is_text_event_stream()
    {
        Func<EventStreamWriter, CancellationToken, Task> producer = (_, _) => Task.CompletedTask;

        var response = Response.EventStream(producer);

        Assert.Same(producer, Assert.IsType<EventStreamContent>(response.Content).Producer);
        Assert.Equal("text/event-stream", response.ContentType);
        Assert.Throws<ArgumentNullException>(() => Response.EventStream(null!));
    }

    [Fact]
    public void WithCookie_adds_an_encoded_set_cookie_header_with_its_attributes()
    {
        var response = Response.Text("x")
            .WithCookie("plain", "a b;c")
            .WithCookie("session", "42", new CookieOptions
            {
                Path = "/app",
                Domain = "example.com",
                Expires = new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.Zero),
                MaxAge = TimeSpan.FromHours(1),
                Secure = true,
                HttpOnly = true,
                SameSite = SameSiteMode.Strict,
            });

        Assert.Equal(
            [
                new("Set-Cookie", "plain=a%20b%3Bc; path=/"),
                new("Set-Cookie", "session=42; expires=Wed, 02 Jan 2030 03:04:05 GMT; max-age=3600; domain=example.com; path=/app; secure; samesite=strict; httponly"),
            ],
            response.Headers);
        Assert.Throws<ArgumentException>(() => response.WithCookie("", "v"));
        Assert.Throws<ArgumentNullException>(() => response.WithCookie("n", null!));
    }
}
