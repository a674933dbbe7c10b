using Pulya.Routing;

namespace Pulya.Abstractions.Tests.Routing;

public sealed class RouteModelTests
{
    [Fact]
    public void Allowed_methods_are_distinct_sorted_and_form_the_allow_header()
    {
        var allowed = new AllowedMethods(["POST", "GET", "GET", "HEAD"]);

        Assert.Equal(["GET", "HEAD", "POST"], allowed.Methods);
        Assert.Equal("GET, HEAD, POST", allowed.HeaderValue);
        Assert.Equal("GET, HEAD, POST", allowed.ToString());
        Assert.Equal(allowed, new AllowedMethods(["HEAD", "POST", "GET"]));
        Assert.Equal(allowed.GetHashCode(), new AllowedMethods(["HEAD", "POST", "GET"]).GetHashCode());
        Assert.True(allowed.Equals((object)new AllowedMethods(["GET", "HEAD", "POST"])));
        Assert.False(allowed.Equals(null));
        Assert.Throws<ArgumentException>(() => new AllowedMethods([]));
        Assert.Throws<ArgumentNullException>(() => new AllowedMethods(null!));
    }

    [Fact]
    public void Route_match_tells_the_three_outcomes_apart()
    {
        var entry = new RouteEntry("GET", RouteTemplate.Parse("/a"));
        var found = RouteMatch.Found(entry);
        var notAllowed = RouteMatch.MethodNotAllowed(new AllowedMethods(["GET"]));

        Assert.Equal(RouteMatchKind.Found, found.Kind);
        Assert.Same(entry, found.Route);
        Assert.Null(found.Allowed);
        Assert.Equal("Found GET /a", found.ToString());

        Assert.Equal(RouteMatchKind.MethodNotAllowed, notAllowed.Kind);
        Assert.Null(notAllowed.Route);
        Assert.Equal("MethodNotAllowed (GET)", notAllowed.ToString());

        Assert.Equal(RouteMatchKind.NotFound, RouteMatch.NotFound.Kind);
        Assert.Equal("NotFound", RouteMatch.NotFound.ToString());

        Assert.True(found == RouteMatch.Found(entry));
        Assert.True(found != notAllowed);
        Assert.True(notAllowed.Equals((object)RouteMatch.MethodNotAllowed(new AllowedMethods(["GET"]))));
        Assert.False(found.Equals("x"));
        Assert.Equal(found.GetHashCode(), RouteMatch.Found(entry).GetHashCode());
        Assert.Throws<ArgumentNullException>(() => RouteMatch.Found(null!));
        Assert.Throws<ArgumentNullException>(() => RouteMatch.MethodNotAllowed(null!));
    }

    [Fact]
    public void Route_entries_require_an_upper_case_method_and_a_template()
    {
        var endpoint = new object();
        var entry = new RouteEntry("PUT", RouteTemplate.Parse("/x/{id}"), endpoint);

        Assert.Equal("PUT", entry.Method);
        Assert.Same(endpoint, entry.Endpoint);
        Assert.Equal(-1, entry.Order);
        Assert.Equal("PUT /x/{id}", entry.ToString());
        Assert.Throws<ArgumentException>(() => new RouteEntry("get", RouteTemplate.Parse("/")));
        Assert.Throws<ArgumentException>(() => new RouteEntry("", RouteTemplate.Parse("/")));
        Assert.Throws<ArgumentNullException>(() => new RouteEntry("GET", null!));
    }

    [Fact]
    public void Route_table_orders_entries_and_knows_the_widest_route()
    {
        var a = new RouteEntry("GET", RouteTemplate.Parse("/a"));
        var b = new RouteEntry("GET", RouteTemplate.Parse("/b/{x}/{y}"));

        var table = new RouteTable([a, b]);

        Assert.Equal([a, b], table.Routes);
        Assert.Equal(0, a.Order);
        Assert.Equal(1, b.Order);
        Assert.Equal(2, table.MaxParameterCount);
        Assert.Equal(0, new RouteTable([]).MaxParameterCount);
    }

    [Fact]
    public void Route_table_lists_routes_by_precedence_literal_typed_untyped_catch_all_shorter_first()
    {
        string[] texts = ["/u/{*rest}", "/u/{name}", "/u/{id:bool}", "/u/{id:guid}", "/u/{id:int}/{*rest}", "/u/{id:long}", "/u/{id:int}", "/u/new/{x}", "/u/new", "/"];
        var table = new RouteTable(texts.Select(t => new RouteEntry("GET", RouteTemplate.Parse(t))));

        // As ASP.NET Core: a shorter typed template beats a longer one whatever its constraint; equal digits, constraint order.
        Assert.Equal(["/", "/u/new", "/u/new/{x}", "/u/{id:int}", "/u/{id:long}", "/u/{id:guid}", "/u/{id:bool}", "/u/{id:int}/{*rest}", "/u/{name}", "/u/{*rest}"], table.ByPrecedence.Select(r => r.Template.Text));
        Assert.Equal(texts, table.Routes.Select(r => r.Template.Text));
    }

    [Fact]
    public void Routes_of_equal_precedence_keep_registration_order()
    {
        var b = new RouteEntry("GET", RouteTemplate.Parse("/b/{x}"));
        var a = new RouteEntry("GET", RouteTemplate.Parse("/a/{x}"));
        var post = new RouteEntry("POST", RouteTemplate.Parse("/b/{y}"));

        Assert.Equal([b, a, post], new RouteTable([b, a, post]).ByPrecedence);
        Assert.Equal(0, RoutePrecedence.Compare(b.Template, a.Template));
        Assert.Throws<ArgumentNullException>(() => RoutePrecedence.Compare(null!, a.Template));
        Assert.Throws<ArgumentNullException>(() => RoutePrecedence.Compare(a.Template, null!));
    }

    [Theory]
    [InlineData("/u/{id}", "/u/{name}")]
    [InlineData("/f/{*path}", "/f/{*rest}")]
    [InlineData("/n/{a:int}/x", "/n/{b:int}/x")]
    public void Route_table_refuses_two_routes_of_one_method_and_shape_naming_both(string first, string second)
    {
        var a = new RouteEntry("GET", RouteTemplate.Parse(first));
        var b = new RouteEntry("GET", RouteTemplate.Parse(second));

        var error = Assert.Throws<RouteConflictException>(() => new RouteTable([a, new RouteEntry("POST", RouteTemplate.Parse(second)), b]));

        Assert.Contains($"'GET {first}' and 'GET {second}'", error.Message, StringComparison.Ordinal);
        Assert.Equal(-1, a.Order);
        Assert.Equal(1, new RouteTable([new RouteEntry("GET", RouteTemplate.Parse("/n/{a:long}/x")), new RouteEntry("GET", RouteTemplate.Parse("/n/{a:int}/x"))]).ByPrecedence[0].Order);
    }

    [Fact]
    public void An_entry_cannot_belong_to_two_tables()
    {
        var a = new RouteEntry("GET", RouteTemplate.Parse("/a"));
        var b = new RouteEntry("GET", RouteTemplate.Parse("/b"));
        _ = new RouteTable([a, b]);

        Assert.Throws<ArgumentException>(() => new RouteTable([b]));
        Assert.Throws<ArgumentNullException>(() => new RouteTable(null!));
    }

    [Theory]
    [InlineData(RouteConstraint.None, "anything", true)]
    [InlineData(RouteConstraint.Int, "-42", true)]
    [InlineData(RouteConstraint.Int, "4.2", false)]
    [InlineData(RouteConstraint.Int, "99999999999", false)]
    [InlineData(RouteConstraint.Long, "99999999999", true)]
    [InlineData(RouteConstraint.Long, "x", false)]
    [InlineData(RouteConstraint.Guid, "0f8fad5b-d9cb-469f-a165-70867728950e", true)]
    [InlineData(RouteConstraint.Guid, "0f8fad5b", false)]
    [InlineData(RouteConstraint.Bool, "True", true)]
    [InlineData(RouteConstraint.Bool, "yes", false)]
    public void Constraints_check_the_segment(RouteConstraint constraint, string segment, bool expected)
    {
        Assert.Equal(expected, RouteConstraints.IsMatch(constraint, segment));
    }

    [Fact]
    public void Unknown_constraint_values_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => RouteConstraints.IsMatch((RouteConstraint)99, "1"));
    }
}
