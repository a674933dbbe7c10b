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
    public void FileIn_joins_a_path_that_stays_in_the_folder()
    {
        var folder = Path.GetFullPath("public");

        var file = Response.FileIn("public/", "css/site.css");
        var typed = Response.FileIn("public", "./data", "text/csv");

        Assert.Equal(Path.Combine(folder, "css", "site.css"), Assert.IsType<FileContent>(file.Content).Path);
        Assert.Equal(folder, ((FileContent)file.Content!).Folder);
        Assert.Equal("text/css", file.ContentType);
        Assert.Equal(Path.Combine(folder, "data"), ((FileContent)typed.Content!).Path);
        Assert.Equal("text/csv", typed.ContentType);
        Assert.Equal("application/octet-stream", Response.FileIn("public", "a...b").ContentType);
        Assert.Null(((FileContent)Response.File("a.txt").Content!).Folder);
        Assert.Throws<ArgumentException>(() => Response.FileIn("", "a.txt"));
        Assert.Throws<ArgumentNullException>(() => Response.FileIn("public", null!));
    }

    [Theory]
    [InlineData("")]
    [InlineData("/etc/hostname")]
    [InlineData("//etc/hostname")]
    [InlineData("..")]
    [InlineData("../secret.txt")]
    [InlineData("css/../../secret.txt")]
    [InlineData("css/../site.css")]
    [InlineData("a/..")]
    [InlineData("..\\secret.txt")]
    [InlineData("css\\site.css")]
    [InlineData("C:/Windows/win.ini")]
    [InlineData("C:secret.txt")]
    [InlineData("file.txt:stream")]
    [InlineData("a\0.txt")]
    [InlineData("a\n.txt")]
    [InlineData("a\u007f.txt")]
    [InlineData(".")]
    [InlineData("./")]
    public void FileIn_refuses_a_path_that_could_leave_the_folder(string relativePath)
    {
        var content = Assert.IsType<FileContent>(Response.FileIn("public", relativePath).Content);

        Assert.Equal(string.Empty, content.Path);
        Assert.Equal(Path.GetFullPath("public"), content.Folder);
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
