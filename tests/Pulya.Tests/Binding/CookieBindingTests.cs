using System.Net;
using Microsoft.AspNetCore.Http;
using Pulya.Http;
using Pulya.Testing;
using Pulya.Tests.Streaming;
using static Pulya.Tests.TestApp;

namespace Pulya.Tests.Binding;

public sealed class CookieBindingTests
{
    [Theory]
    [MemberData(nameof(TestTransports.Data), MemberType = typeof(TestTransports))]
    public async Task Cookies_bind_by_name_decoded_and_converted(TestTransport transport)
    {
        await using var server = await StartCookieAppAsync(transport);

        Assert.Equal("abc|3|Monday", await GetAsync(server, "session=abc; count=3; day=monday"));
        Assert.Equal("a b;c|0|", await GetAsync(server, "other=1;session=\"a%20b%3Bc\""));
        Assert.Equal("first|0|", await GetAsync(server, "Session=upper; session=first; session=second"));
    }

    [Theory]
    [MemberData(nameof(TestTransports.Data), MemberType = typeof(TestTransports))]
    public async Task A_missing_or_unconvertible_cookie_is_400_naming_it(TestTransport transport)
    {
        await using var server = await StartCookieAppAsync(transport);

        using var missing = await SendAsync(server, "count=3");
        using var invalid = await SendAsync(server, "session=x; count=many");
        using var none = await server.Client.GetAsync(Path("/cookies"));

        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Equal("{\"error\":\"The cookie 'session' is required.\"}", await missing.Content.ReadAsStringAsync());
        Assert.Equal("{\"error\":\"The cookie 'count' is not a valid 32-bit integer.\"}", await invalid.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestTransports.Data), MemberType = typeof(TestTransports))]
    public async Task Cookies_set_by_a_response_come_back_on_the_next_request(TestTransport transport)
    {
        await using var server = await StartCookieAppAsync(transport);

        using var login = await server.Client.PostAsync(Path("/login"), null);
        var setCookies = login.Headers.GetValues("Set-Cookie").ToArray();
        Assert.Equal(["session=s%201; path=/", "count=7; max-age=60; path=/; secure; samesite=lax; httponly"], setCookies);

        var cookie = string.Join("; ", setCookies.Select(c => c[..c.IndexOf(';', StringComparison.Ordinal)]));
        Assert.Equal("s 1|7|", await GetAsync(server, cookie));
    }

    [Fact]
    public async Task A_cookie_bound_to_several_values_fails_at_start_up()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            StartAsync(app => app.MapGet("/c", ([Cookie] string[] all) => all.Length)));

        Assert.Contains("parameter 'all': a cookie binds one value", error.Message, StringComparison.Ordinal);
    }

    private static Task<PulyaTestClient> StartCookieAppAsync(TestTransport transport) => StreamingApp.StartAsync(transport, app => app
        .MapGet("/cookies", ([Cookie("session")] string session, [Cookie] int count = 0, [Cookie] DayOfWeek? day = null) => $"{session}|{count}|{day}")
        .MapPost("/login", () => Response.Status(204)
            .WithCookie("session", "s 1")
            .WithCookie("count", "7", new CookieOptions { MaxAge = TimeSpan.FromMinutes(1), Secure = true, HttpOnly = true, SameSite = SameSiteMode.Lax })));

    private static async Task<string> GetAsync(PulyaTestClient server, string cookie)
    {
        using var response = await SendAsync(server, cookie);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private static async Task<HttpResponseMessage> SendAsync(PulyaTestClient server, string cookie)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Path("/cookies"));
        request.Headers.TryAddWithoutValidation("Cookie", cookie);
        return await server.Client.SendAsync(request);
    }
}
