using Pulya.Routing;

namespace Pulya.Tests.Routing;

public sealed class LinearRouterTests
{
    private static LinearRouter Router(params string[] routes) =>
        new(new RouteTable(routes.Select(r => r.Split(' ')).Select(p => new RouteEntry(p[0], RouteTemplate.Parse(p[1])))));

    [Fact]
    public void Most_specific_match_wins_whatever_the_registration_order_and_values_are_ranges_of_the_path()
    {
        var router = Router("GET /users/{name}", "GET /users/{id:int}", "GET /files/{*rest}");
        Span<Range> values = new Range[1];
        const string path = "/users/ann";

        var match = router.Match("GET", path, values);

        Assert.Equal("/users/{name}", match.Route!.Template.Text);
        Assert.Equal("ann", path[values[0]]);
        Assert.Equal("/users/{id:int}", router.Match("GET", "/users/42", values).Route!.Template.Text);
        Assert.Equal("a/b%2Fc", "/files/a/b%2Fc"[RangeOf(router, "/files/a/b%2Fc")]);
        Assert.Equal(string.Empty, "/files"[RangeOf(router, "/files")]);
    }

    [Fact]
    public void Path_matched_by_other_methods_is_405_with_all_of_them()
    {
        var router = Router("GET /a/{x}", "POST /a/{y}", "PUT /a/b", "GET /c");

        var match = router.Match("DELETE", "/a/b", new Range[1]);

        Assert.Equal(RouteMatchKind.MethodNotAllowed, match.Kind);
        Assert.Equal("GET, POST, PUT", match.Allowed!.HeaderValue);
    }

    [Theory]
    [InlineData("")]
    [InlineData("users")]
    [InlineData("/users")]
    [InlineData("/users/")]
    [InlineData("/users//x")]
    [InlineData("/users/1/x")]
    [InlineData("/Users/1")]
    public void Unmatched_paths_are_not_found(string path)
    {
        Assert.Equal(RouteMatchKind.NotFound, Router("GET /users/{id}", "GET /").Match("GET", path, new Range[1]).Kind);
    }

    [Fact]
    public void Trailing_slash_and_root_are_significant()
    {
        var router = Router("GET /", "GET /a/", "GET /b");

        Assert.Equal("/", router.Match("GET", "/", []).Route!.Template.Text);
        Assert.Equal("/a/", router.Match("GET", "/a/", []).Route!.Template.Text);
        Assert.Equal(RouteMatchKind.NotFound, router.Match("GET", "/a", []).Kind);
        Assert.Equal(RouteMatchKind.NotFound, router.Match("GET", "/b/", []).Kind);
        Assert.Throws<ArgumentNullException>(() => new LinearRouter(null!));
    }

    private static Range RangeOf(LinearRouter router, string path)
    {
        var values = new Range[1];
        Assert.Equal(RouteMatchKind.Found, router.Match("GET", path, values).Kind);
        return values[0];
    }
}
