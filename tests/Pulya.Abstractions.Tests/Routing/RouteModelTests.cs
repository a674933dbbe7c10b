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
    [InlineData("", "anything", true)]
    [InlineData("int", "-42", true)]
    [InlineData("int", "4.2", false)]
    [InlineData("int", "99999999999", false)]
    [InlineData("long", "99999999999", true)]
    [InlineData("long", "x", false)]
    [InlineData("guid", "0f8fad5b-d9cb-469f-a165-70867728950e", true)]
    [InlineData("guid", "0f8fad5b", false)]
    [InlineData("bool", "True", true)]
    [InlineData("bool", "yes", false)]
    [InlineData("decimal", "-12.50", true)]
    [InlineData("decimal", "1,000", false)]
    [InlineData("decimal", "1 000", false)]
    [InlineData("decimal", "5-", false)]
    [InlineData("double", "1.5e3", true)]
    [InlineData("double", "1.5.3", false)]
    [InlineData("float", "-0.25", true)]
    [InlineData("float", "abc", false)]
    [InlineData("datetime", "2024-01-31", true)]
    [InlineData("datetime", "2024-01-31T10:20:30Z", true)]
    [InlineData("datetime", "2024-02-30", false)]
    [InlineData("alpha", "abcXYZ", true)]
    [InlineData("alpha", "abc1", false)]
    [InlineData("alpha", "caf\u00e9", false)]
    [InlineData("min(10)", "10", true)]
    [InlineData("min(10)", "9", false)]
    [InlineData("min(10)", "ten", false)]
    [InlineData("max(10)", "10", true)]
    [InlineData("max(10)", "11", false)]
    [InlineData("range(-5,5)", "-5", true)]
    [InlineData("range(-5,5)", "6", false)]
    [InlineData("length(3)", "abc", true)]
    [InlineData("length(3)", "abcd", false)]
    [InlineData("length(2,3)", "ab", true)]
    [InlineData("length(2,3)", "a", false)]
    [InlineData("minlength(2)", "ab", true)]
    [InlineData("minlength(2)", "a", false)]
    [InlineData("maxlength(2)", "ab", true)]
    [InlineData("maxlength(2)", "abc", false)]
    [InlineData("regex(^[a-z]{2}\\d$)", "AB1", true)]
    [InlineData("regex(^[a-z]{2}\\d$)", "ab12", false)]
    [InlineData("regex(\\d)", "x1y", true)]
    [InlineData("int:min(1):max(9)", "5", true)]
    [InlineData("int:min(1):max(9)", "0", false)]
    [InlineData("int:min(1):max(9)", "10", false)]
    public void Constraints_check_the_segment(string constraint, string segment, bool expected)
    {
        var parsed = constraint.Length == 0 ? RouteConstraint.None : RouteConstraint.Parse(constraint);

        Assert.Equal(expected, parsed.IsMatch(System.Text.RegularExpressions.Regex.Unescape(segment)));
    }

    [Fact]
    public void A_regex_that_backtracks_past_its_time_out_does_not_match()
    {
        var constraint = RouteConstraint.Parse("regex(^(a|a?)+$)");

        Assert.True(constraint.IsMatch("aaaa"));
        Assert.False(constraint.IsMatch(new string('a', 40) + "!"));
    }

    [Theory]
    [InlineData("int", "long", -1)]
    [InlineData("bool", "decimal", -1)]
    [InlineData("min(1)", "min(2)", -1)]
    [InlineData("int:min(1)", "int", -1)]
    [InlineData("regex(a)", "alpha", 1)]
    [InlineData("length(2)", "LENGTH(2)", 0)]
    public void Constraints_order_ties_by_kind_then_argument_and_the_more_restricted_first(string x, string y, int expected)
    {
        var (left, right) = (RouteConstraint.Parse(x), RouteConstraint.Parse(y));

        Assert.Equal(expected, Math.Sign(RouteConstraint.Compare(left, right)));
        Assert.Equal(-expected, Math.Sign(RouteConstraint.Compare(right, left)));
        Assert.Equal(expected == 0, left.Equals((object)right));
        Assert.Equal(expected == 0, left.GetHashCode() == right.GetHashCode());
        Assert.Equal(left.Text, left.ToString());
    }

    [Fact]
    public void Constraint_arguments_are_checked()
    {
        Assert.Throws<ArgumentNullException>(() => RouteConstraint.Parse(null!));
        Assert.Throws<ArgumentNullException>(() => RouteConstraint.Compare(null!, RouteConstraint.None));
        Assert.Throws<ArgumentNullException>(() => RouteConstraint.Compare(RouteConstraint.None, null!));
        Assert.False(RouteConstraint.None.Equals(null));
        Assert.True(RouteConstraint.None.IsNone);
        Assert.False(RouteConstraint.Parse("int").IsNone);
    }
}
