using Pulya.Routing;

namespace Pulya.Testing.Conformance.Routing;

/// <summary>
/// The behaviour every <see cref="IRouter"/> must have. Each router's test project derives from this class and builds its
/// router in <see cref="CreateRouter"/>. Every table runs on every router, ambiguous-looking ones included: all routers
/// answer by <see cref="RoutePrecedence"/> (literal, typed, untyped, catch-all, segment by segment), never by
/// registration order, and conflicting tables are refused by the <see cref="RouteTable"/> itself.
/// </summary>
public abstract class RouterConformanceTests
{
    /// <summary>Builds the router under test over <paramref name="table"/>.</summary>
    protected abstract IRouter CreateRouter(RouteTable table);

    /// <summary>The names of the route sets, as theory data.</summary>
    public static TheoryData<string> RouteSetNames => [.. RouteSets.Names];

    /// <summary>Seeds of the random oracle tests.</summary>
    public static TheoryData<int> Seeds => [1, 2, 3, 4, 5, 6, 7, 8];

    /// <summary>Router exposes its table.</summary>
    [Fact]
    public void Router_exposes_its_table()
    {
        var table = Table("GET /a");

        Assert.Same(table, CreateRouter(table).Table);
    }

    /// <summary>Static route is found.</summary>
    [Fact]
    public void Static_route_is_found()
    {
        var router = Router("GET /", "GET /about", "GET /about/team", "POST /about");

        AssertFound(router, "GET", "/about", "/about");
        AssertFound(router, "POST", "/about", "/about");
        AssertFound(router, "GET", "/about/team", "/about/team");
        AssertFound(router, "GET", "/", "/");
    }

    /// <summary>Unknown path is not found.</summary>
    [Theory]
    [InlineData("/missing")]
    [InlineData("/about/")]
    [InlineData("/about/team/x")]
    [InlineData("")]
    [InlineData("about")]
    [InlineData("//")]
    public void Unknown_path_is_not_found(string path)
    {
        var router = Router("GET /", "GET /about", "GET /about/team", "GET /users/{id}");

        AssertNotFound(router, "GET", path);
    }

    /// <summary>Root template matches only the root.</summary>
    [Fact]
    public void Root_template_matches_only_the_root()
    {
        var router = Router("GET /", "GET /{name}");

        AssertFound(router, "GET", "/", "/");
        AssertFound(router, "GET", "/x", "/{name}", "x");
        AssertNotFound(router, "GET", "//");
    }

    /// <summary>Wrong method gives 405 with the methods sorted ordinally.</summary>
    [Fact]
    public void Wrong_method_gives_405_with_the_methods_sorted_ordinally()
    {
        var router = Router("POST /items", "GET /items", "HEAD /items", "DELETE /items/{id}");

        AssertMethodNotAllowed(router, "PUT", "/items", "GET, HEAD, POST");
        AssertMethodNotAllowed(router, "GET", "/items/5", "DELETE");
    }

    /// <summary>Method not allowed lists the methods of every template matching the path.</summary>
    [Fact]
    public void Method_not_allowed_lists_the_methods_of_every_template_matching_the_path()
    {
        var router = Router("GET /gists/starred", "DELETE /gists/{id}", "PATCH /gists/{id}", "POST /gists/{*rest}");

        AssertMethodNotAllowed(router, "PUT", "/gists/starred", "DELETE, GET, HEAD, PATCH, POST");
        AssertMethodNotAllowed(router, "PUT", "/gists/42", "DELETE, PATCH, POST");
        AssertMethodNotAllowed(router, "PUT", "/gists/42/x", "POST");
    }

    /// <summary>Method not allowed is equal on every call.</summary>
    [Fact]
    public void Method_not_allowed_is_equal_on_every_call()
    {
        var router = Router("GET /a", "POST /a", "GET /b/{x}", "PUT /b/c");
        var values = new Range[router.Table.MaxParameterCount];

        var first = router.Match("DELETE", "/a", values);
        var second = router.Match("DELETE", "/a", values);
        var union1 = router.Match("DELETE", "/b/c", values);
        var union2 = router.Match("DELETE", "/b/c", values);

        Assert.Equal(first, second);
        Assert.Equal(union1, union2);
        Assert.Equal("GET, HEAD, PUT", union1.Allowed!.HeaderValue);
    }

    /// <summary>A lower priority template of the request method wins over a better template of another method.</summary>
    [Fact]
    public void A_lower_priority_template_of_the_request_method_wins_over_a_better_template_of_another_method()
    {
        var router = Router("GET /posts/new", "POST /posts/{id}", "DELETE /posts/{*rest}");

        AssertFound(router, "POST", "/posts/new", "/posts/{id}", "new");
        AssertFound(router, "DELETE", "/posts/new", "/posts/{*rest}", "new");
        AssertFound(router, "GET", "/posts/new", "/posts/new");
    }

    /// <summary>Parameter matches exactly one non empty segment.</summary>
    [Fact]
    public void Parameter_matches_exactly_one_non_empty_segment()
    {
        var router = Router("GET /users/{id}");

        AssertFound(router, "GET", "/users/42", "/users/{id}", "42");
        AssertFound(router, "GET", "/users/bob smith", "/users/{id}", "bob smith");
        AssertNotFound(router, "GET", "/users/");
        AssertNotFound(router, "GET", "/users");
        AssertNotFound(router, "GET", "/users/42/");
        AssertNotFound(router, "GET", "/users/42/x");
    }

    /// <summary>Several parameters are written in template order.</summary>
    [Fact]
    public void Several_parameters_are_written_in_template_order()
    {
        var router = Router("GET /repos/{owner}/{repo}/issues/{number:int}/comments");

        AssertFound(router, "GET", "/repos/julienschmidt/httprouter/issues/42/comments", "/repos/{owner}/{repo}/issues/{number:int}/comments", "julienschmidt", "httprouter", "42");
    }

    /// <summary>Empty segment never matches a parameter.</summary>
    [Fact]
    public void Empty_segment_never_matches_a_parameter()
    {
        var router = Router("GET /a/{x}/b");

        AssertNotFound(router, "GET", "/a//b");
    }

    /// <summary>Typed parameters match only values of their type.</summary>
    [Theory]
    [InlineData("/i/42", "/i/{v:int}")]
    [InlineData("/i/-7", "/i/{v:int}")]
    [InlineData("/i/2147483647", "/i/{v:int}")]
    [InlineData("/i/2147483648", null)]
    [InlineData("/i/4x", null)]
    [InlineData("/i/1.5", null)]
    [InlineData("/l/2147483648", "/l/{v:long}")]
    [InlineData("/l/-9223372036854775808", "/l/{v:long}")]
    [InlineData("/l/9223372036854775808", null)]
    [InlineData("/g/3f2504e0-4f89-11d3-9a0c-0305e82c3301", "/g/{v:guid}")]
    [InlineData("/g/3F2504E04F8911D39A0C0305E82C3301", "/g/{v:guid}")]
    [InlineData("/g/not-a-guid", null)]
    [InlineData("/b/true", "/b/{v:bool}")]
    [InlineData("/b/FALSE", "/b/{v:bool}")]
    [InlineData("/b/yes", null)]
    public void Typed_parameters_match_only_values_of_their_type(string path, string? template)
    {
        var router = Router("GET /i/{v:int}", "GET /l/{v:long}", "GET /g/{v:guid}", "GET /b/{v:bool}");

        if (template is null)
        {
            AssertNotFound(router, "GET", path);
        }
        else
        {
            AssertFound(router, "GET", path, template, path[3..]);
        }
    }

    /// <summary>Literal then typed then untyped then catch all.</summary>
    [Theory]
    [InlineData("/u/new", "/u/new")]
    [InlineData("/u/42", "/u/{id:int}")]
    [InlineData("/u/4294967296", "/u/{id:long}")]
    [InlineData("/u/bob", "/u/{name}")]
    [InlineData("/u/bob/x/y", "/u/{*rest}")]
    public void Literal_then_typed_then_untyped_then_catch_all(string path, string template)
    {
        var router = Router("GET /u/new", "GET /u/{id:int}", "GET /u/{id:long}", "GET /u/{name}", "GET /u/{*rest}");

        AssertFound(router, "GET", path, template, template == "/u/new" ? [] : [path[3..]]);
    }

    /// <summary>AspNetCore constraints match only the values they accept.</summary>
    [Theory]
    [InlineData("/dec/-12.50", "/dec/{v:decimal}")]
    [InlineData("/dec/1,000", null)]
    [InlineData("/dbl/1.5e3", "/dbl/{v:double}")]
    [InlineData("/dbl/x", null)]
    [InlineData("/flt/0.25", "/flt/{v:float}")]
    [InlineData("/dt/2024-01-31", "/dt/{v:datetime}")]
    [InlineData("/dt/2024-02-30", null)]
    [InlineData("/alp/abcXYZ", "/alp/{v:alpha}")]
    [InlineData("/alp/abc1", null)]
    [InlineData("/min/10", "/min/{v:min(10)}")]
    [InlineData("/min/9", null)]
    [InlineData("/max/-3", "/max/{v:max(-2)}")]
    [InlineData("/max/-1", null)]
    [InlineData("/rng/50", "/rng/{v:range(1,50)}")]
    [InlineData("/rng/51", null)]
    [InlineData("/rng/abc", null)]
    [InlineData("/len/abc", "/len/{v:length(3)}")]
    [InlineData("/len/ab", null)]
    [InlineData("/lr/abcd", "/lr/{v:length(2,4)}")]
    [InlineData("/lr/abcde", null)]
    [InlineData("/mnl/ab", "/mnl/{v:minlength(2)}")]
    [InlineData("/mnl/a", null)]
    [InlineData("/mxl/ab", "/mxl/{v:maxlength(2)}")]
    [InlineData("/mxl/abc", null)]
    [InlineData("/rx/AB12", "/rx/{v:regex(^[a-z]{{2}}\\d+$)}")]
    [InlineData("/rx/AB", null)]
    [InlineData("/two/5", "/two/{v:int:range(1,9)}")]
    [InlineData("/two/10", null)]
    public void AspNetCore_constraints_match_only_the_values_they_accept(string path, string? template)
    {
        var router = Router(
            "GET /dec/{v:decimal}", "GET /dbl/{v:double}", "GET /flt/{v:float}", "GET /dt/{v:datetime}", "GET /alp/{v:alpha}",
            "GET /min/{v:min(10)}", "GET /max/{v:max(-2)}", "GET /rng/{v:range(1,50)}", "GET /len/{v:length(3)}", "GET /lr/{v:length(2,4)}",
            "GET /mnl/{v:minlength(2)}", "GET /mxl/{v:maxlength(2)}", "GET /rx/{v:regex(^[a-z]{{2}}\\d+$)}", "GET /two/{v:int:range(1,9)}");

        if (template is null)
        {
            AssertNotFound(router, "GET", path);
        }
        else
        {
            AssertFound(router, "GET", path, template, path[(path.IndexOf('/', 1) + 1)..]);
        }
    }

    /// <summary>Any constraint ranks a parameter above a plain one as in aspnetcore.</summary>
    [Theory]
    [InlineData("/p/all", "/p/all")]
    [InlineData("/p/12", "/p/{n:min(10)}")]
    [InlineData("/p/abc", "/p/{s:length(3)}")]
    [InlineData("/p/5", "/p/{x}")]
    [InlineData("/p/abcd", "/p/{x}")]
    [InlineData("/p/5/6", "/p/{*rest}")]
    public void Any_constraint_ranks_a_parameter_above_a_plain_one_as_in_aspnetcore(string path, string template)
    {
        var router = Router("GET /p/{*rest}", "GET /p/{x}", "GET /p/{s:length(3)}", "GET /p/{n:min(10)}", "GET /p/all");

        AssertFound(router, "GET", path, template, template == "/p/all" ? [] : [path[3..]]);
    }

    /// <summary>Constraints aspnetcore leaves tied are ordered by kind and the more restricted first.</summary>
    [Theory]
    [InlineData("/q/5", "/q/{a:int:min(1)}")]
    [InlineData("/q/0", "/q/{b:int}")]
    [InlineData("/q/x", "/q/{c:alpha}")]
    [InlineData("/q/123", "/q/{a:int:min(1)}")]
    [InlineData("/q/1234", "/q/{a:int:min(1)}")]
    public void Constraints_aspnetcore_leaves_tied_are_ordered_by_kind_and_the_more_restricted_first(string path, string template)
    {
        var router = Router("GET /q/{d:regex(^\\d{{3}}$)}", "GET /q/{c:alpha}", "GET /q/{b:int}", "GET /q/{a:int:min(1)}");

        AssertFound(router, "GET", path, template, path[3..]);
    }

    /// <summary>A failed literal branch backtracks to the parameter.</summary>
    [Fact]
    public void A_failed_literal_branch_backtracks_to_the_parameter()
    {
        var router = Router("GET /a/b/d", "GET /a/{x}/c", "GET /r/{id:int}/edit", "GET /r/{slug}/view", "GET /s/x/y/z", "GET /s/{*rest}");

        AssertFound(router, "GET", "/a/b/c", "/a/{x}/c", "b");
        AssertFound(router, "GET", "/a/b/d", "/a/b/d");
        AssertFound(router, "GET", "/r/5/view", "/r/{slug}/view", "5");
        AssertFound(router, "GET", "/r/5/edit", "/r/{id:int}/edit", "5");
        AssertFound(router, "GET", "/s/x/y/q", "/s/{*rest}", "x/y/q");
        AssertNotFound(router, "GET", "/a/b/e");
    }

    /// <summary>Catch all takes the rest of the path slashes included and may be empty.</summary>
    [Fact]
    public void Catch_all_takes_the_rest_of_the_path_slashes_included_and_may_be_empty()
    {
        var router = Router("GET /files/{*rest}");

        AssertFound(router, "GET", "/files/docs/README.md", "/files/{*rest}", "docs/README.md");
        AssertFound(router, "GET", "/files/a//b/", "/files/{*rest}", "a//b/");
        AssertFound(router, "GET", "/files/", "/files/{*rest}", string.Empty);
        AssertFound(router, "GET", "/files", "/files/{*rest}", string.Empty);
        AssertNotFound(router, "GET", "/filesx");
        AssertNotFound(router, "GET", "/");
    }

    /// <summary>Catch all range of an empty rest is at the end of the path.</summary>
    [Fact]
    public void Catch_all_range_of_an_empty_rest_is_at_the_end_of_the_path()
    {
        var router = Router("GET /files/{*rest}", "GET /{*all}");
        var values = new Range[1];

        Assert.Equal(RouteMatchKind.Found, router.Match("GET", "/files", values).Kind);
        Assert.Equal(new Range(6, 6), values[0]);
        Assert.Equal(RouteMatchKind.Found, router.Match("GET", "/files/", values).Kind);
        Assert.Equal(new Range(7, 7), values[0]);
        Assert.Equal(RouteMatchKind.Found, router.Match("GET", "/", values).Kind);
        Assert.Equal(new Range(1, 1), values[0]);
    }

    /// <summary>Catch all after parameters and at the root.</summary>
    [Fact]
    public void Catch_all_after_parameters_and_at_the_root()
    {
        var router = Router("GET /", "GET /repos/{owner}/{repo}/contents/{*path}", "GET /{*all}");

        AssertFound(router, "GET", "/repos/o/r/contents/docs/a.md", "/repos/{owner}/{repo}/contents/{*path}", "o", "r", "docs/a.md");
        AssertFound(router, "GET", "/repos/o/r/contents", "/repos/{owner}/{repo}/contents/{*path}", "o", "r", string.Empty);
        AssertFound(router, "GET", "/repos/o/r", "/{*all}", "repos/o/r");
        AssertFound(router, "GET", "/", "/");
    }

    /// <summary>Static route wins over catch all and catch all takes what is left.</summary>
    [Fact]
    public void Static_route_wins_over_catch_all_and_catch_all_takes_what_is_left()
    {
        var router = Router("GET /files/readme", "GET /files", "GET /files/{*rest}");

        AssertFound(router, "GET", "/files/readme", "/files/readme");
        AssertFound(router, "GET", "/files", "/files");
        AssertFound(router, "GET", "/files/readme/x", "/files/{*rest}", "readme/x");
        AssertMethodNotAllowed(router, "POST", "/files", "GET, HEAD");
    }

    /// <summary>Trailing slash is significant.</summary>
    [Fact]
    public void Trailing_slash_is_significant()
    {
        var router = Router("GET /a", "GET /b/", "GET /c/{x}/");

        AssertFound(router, "GET", "/a", "/a");
        AssertNotFound(router, "GET", "/a/");
        AssertFound(router, "GET", "/b/", "/b/");
        AssertNotFound(router, "GET", "/b");
        AssertFound(router, "GET", "/c/1/", "/c/{x}/", "1");
        AssertNotFound(router, "GET", "/c/1");
    }

    /// <summary>Matching is case sensitive.</summary>
    [Fact]
    public void Matching_is_case_sensitive()
    {
        var router = Router("GET /About", "GET /users/{id}/Posts");

        AssertFound(router, "GET", "/About", "/About");
        AssertNotFound(router, "GET", "/about");
        AssertNotFound(router, "GET", "/ABOUT");
        AssertNotFound(router, "GET", "/users/1/posts");
        AssertNotFound(router, "get", "/About", expectAllowed: "GET, HEAD");
    }

    /// <summary>Encoded slash stays inside its segment.</summary>
    [Fact]
    public void Encoded_slash_stays_inside_its_segment()
    {
        var router = Router("GET /users/{id}", "GET /a/b", "GET /files/{*rest}");

        AssertFound(router, "GET", "/users/a%2Fb", "/users/{id}", "a%2Fb");
        AssertNotFound(router, "GET", "/a%2Fb");
        AssertFound(router, "GET", "/files/x%2Fy/z", "/files/{*rest}", "x%2Fy/z");
    }

    /// <summary>Different parameter names at one position are allowed when the continuation differs.</summary>
    [Fact]
    public void Different_parameter_names_at_one_position_are_allowed_when_the_continuation_differs()
    {
        var router = Router("GET /repos/{owner}/{repo}/events", "GET /repos/{user}/starred", "GET /repos/{owner}/{repo}");

        AssertFound(router, "GET", "/repos/golang/go/events", "/repos/{owner}/{repo}/events", "golang", "go");
        AssertFound(router, "GET", "/repos/gopher/starred", "/repos/{user}/starred", "gopher");
        AssertFound(router, "GET", "/repos/golang/go", "/repos/{owner}/{repo}", "golang", "go");
    }

    /// <summary>Same shape with other methods and other names is allowed.</summary>
    [Fact]
    public void Same_shape_with_other_methods_and_other_names_is_allowed()
    {
        var router = Router("GET /users/{id}", "DELETE /users/{name}", "PUT /users/{key:int}");

        AssertFound(router, "GET", "/users/7", "/users/{id}", "7");
        AssertFound(router, "DELETE", "/users/7", "/users/{name}", "7");
        AssertFound(router, "PUT", "/users/7", "/users/{key:int}", "7");
        AssertMethodNotAllowed(router, "PUT", "/users/x", "DELETE, GET, HEAD");
        AssertMethodNotAllowed(router, "PATCH", "/users/7", "DELETE, GET, HEAD, PUT");
    }

    /// <summary>Head routes are ordinary entries.</summary>
    [Fact]
    public void Head_routes_are_ordinary_entries()
    {
        var table = new RouteTable([new RouteEntry("GET", RouteTemplate.Parse("/x/{id}")), new RouteEntry("HEAD", RouteTemplate.Parse("/x/{id}"))]);
        var router = CreateRouter(table);
        var values = new Range[1];

        var match = router.Match("HEAD", "/x/1", values);

        Assert.Same(table.Routes[1], match.Route);
        Assert.Equal("1", "/x/1"[values[0]]);
    }

    /// <summary>Every path of a route set matches its template with its values.</summary>
    [Theory]
    [MemberData(nameof(RouteSetNames))]
    public void Every_path_of_a_route_set_matches_its_template_with_its_values(string set)
    {
        var table = RouteSets.Table(set);
        var router = CreateRouter(table);
        var values = new Range[table.MaxParameterCount];
        foreach (var (method, path, expected) in RouteSets.Paths(set))
        {
            var match = router.Match(method, path, values);

            Assert.True(match.Kind == RouteMatchKind.Found, $"{set}: {method} {path} gave {match}");
            Assert.Equal(expected, match.Route!.Template.Text);
            Assert.Equal(method, match.Route.Method);
            var expectedValues = ReferenceMatcher.Match(match.Route.Template, path)!;
            Assert.Equal(Texts(path, expectedValues), Texts(path, values[..expectedValues.Length]));
        }
    }

    /// <summary>Every path of a route set with another method gives 405 with the right allow.</summary>
    [Theory]
    [MemberData(nameof(RouteSetNames))]
    public void Every_path_of_a_route_set_with_another_method_gives_405_with_the_right_allow(string set)
    {
        var table = RouteSets.Table(set);
        var router = CreateRouter(table);
        var values = new Range[table.MaxParameterCount];
        foreach (var (_, path, _) in RouteSets.Paths(set))
        {
            var allowed = table.Routes.Where(r => ReferenceMatcher.Match(r.Template, path) is not null).Select(r => r.Method).ToList();
            var other = new[] { "PUT", "POST", "DELETE", "PATCH", "GET", "OPTIONS" }.First(m => !allowed.Contains(m));

            var match = router.Match(other, path, values);

            Assert.True(match.Kind == RouteMatchKind.MethodNotAllowed, $"{set}: {other} {path} gave {match}");
            Assert.Equal(new AllowedMethods(allowed).HeaderValue, match.Allowed!.HeaderValue);
        }
    }

    /// <summary>Random tables give the results of the precedence oracle.</summary>
    [Theory]
    [MemberData(nameof(Seeds))]
    public void Random_tables_give_the_results_of_the_precedence_oracle(int seed)
    {
        var generator = new RandomRouteTables(seed);
        var compared = 0;
        var ambiguous = 0;
        for (var t = 0; t < 60; t++)
        {
            var table = generator.NextTable(maxRoutes: 24);
            var router = CreateRouter(table);
            var values = new Range[table.MaxParameterCount];
            for (var p = 0; p < 40; p++)
            {
                var path = generator.NextPath(table);
                foreach (var method in RandomRouteTables.RequestMethods)
                {
                    // Independent of every router: the reference matcher says which routes match, ASP.NET Core's own
                    // inbound precedence (and the constraint order among typed parameters it leaves tied) which wins.
                    var candidates = table.Routes.Where(r => ReferenceMatcher.Match(r.Template, path) is not null).ToList();
                    var expected = candidates.Where(r => r.Method == method)
                        .OrderBy(r => AspNetCorePrecedence.Inbound(r.Template)).ThenBy(r => r.Template, AspNetCorePrecedence.TypedOrder)
                        .FirstOrDefault();
                    ambiguous += candidates.Count(r => r.Method == method) > 1 ? 1 : 0;

                    var actual = router.Match(method, path, values);

                    var context = $"seed {seed}, table [{string.Join(", ", table.Routes)}]: {method} {path} gave {actual}";
                    if (expected is not null)
                    {
                        Assert.True(actual.Kind == RouteMatchKind.Found && ReferenceEquals(actual.Route, expected), context + $", expected {expected}");
                        var count = expected.Template.ParameterNames.Count;
                        Assert.Equal(Texts(path, ReferenceMatcher.Match(expected.Template, path)!), Texts(path, values[..count]));
                    }
                    else if (candidates.Count > 0)
                    {
                        Assert.True(actual.Kind == RouteMatchKind.MethodNotAllowed, context + ", expected 405");
                        Assert.Equal(new AllowedMethods(candidates.Select(r => r.Method)).HeaderValue, actual.Allowed!.HeaderValue);
                    }
                    else
                    {
                        Assert.True(actual == RouteMatch.NotFound, context + ", expected 404");
                    }

                    compared++;
                }
            }
        }

        Assert.True(compared > 5000, $"only {compared} cases compared");
        Assert.True(ambiguous > 100, $"only {ambiguous} cases with several routes of the method matching");
    }

    /// <summary>Same method and same shape is refused by the table naming both templates.</summary>
    [Theory]
    [InlineData("GET /u/{id}", "GET /u/{name}")]
    [InlineData("GET /users/{id:int}/x", "GET /users/{key:int}/x")]
    [InlineData("POST /files/{*path}", "POST /files/{*rest}")]
    [InlineData("GET /a/", "GET /a/")]
    [InlineData("GET /", "GET /")]
    public void Same_method_and_same_shape_is_refused_by_the_table_naming_both_templates(string first, string second)
    {
        var error = Assert.Throws<RouteConflictException>(() => Router(first, "GET /other", second));

        Assert.Contains("'" + first + "'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'" + second + "'", error.Message, StringComparison.Ordinal);
    }

    /// <summary>Shapes that can be told apart are accepted.</summary>
    [Fact]
    public void Shapes_that_can_be_told_apart_are_accepted()
    {
        var router = Router("GET /users/{id}", "GET /users/{id:int}", "GET /users/{id:long}", "GET /users/{id}/", "GET /users/{*rest}", "DELETE /users/{name}");

        AssertFound(router, "GET", "/users/5", "/users/{id:int}", "5");
        AssertFound(router, "GET", "/users/5/", "/users/{id}/", "5");
    }

    /// <summary>Priority does not depend on registration order.</summary>
    [Fact]
    public void Priority_does_not_depend_on_registration_order()
    {
        string[] routes = ["GET /u/{*rest}", "GET /u/{name}", "GET /u/{id:long}", "GET /u/{id:int}", "GET /u/new"];
        foreach (var order in Permutations(routes))
        {
            var router = Router(order);

            AssertFound(router, "GET", "/u/new", "/u/new");
            AssertFound(router, "GET", "/u/42", "/u/{id:int}", "42");
            AssertFound(router, "GET", "/u/4294967296", "/u/{id:long}", "4294967296");
            AssertFound(router, "GET", "/u/bob", "/u/{name}", "bob");
            AssertFound(router, "GET", "/u/bob/x", "/u/{*rest}", "bob/x");
            AssertFound(router, "GET", "/u", "/u/{*rest}", "");
        }
    }

    /// <summary>A parameter route mapped before a literal sibling does not shadow it.</summary>
    [Fact]
    public void A_parameter_route_mapped_before_a_literal_sibling_does_not_shadow_it()
    {
        var router = Router("GET /items/{id}", "GET /items/new", "GET /a/{x}/{*rest}", "GET /a/b/c", "GET /{*all}", "GET /files");

        AssertFound(router, "GET", "/items/new", "/items/new");
        AssertFound(router, "GET", "/items/7", "/items/{id}", "7");
        AssertFound(router, "GET", "/a/b/c", "/a/b/c");
        AssertFound(router, "GET", "/a/b/d", "/a/{x}/{*rest}", "b", "d");
        AssertFound(router, "GET", "/files", "/files");
        AssertFound(router, "GET", "/files/x", "/{*all}", "files/x");
    }

    /// <summary>Overlapping typed parameters rank by the whole template as aspnetcore does.</summary>
    [Fact]
    public void Overlapping_typed_parameters_rank_by_the_whole_template_as_aspnetcore_does()
    {
        var router = Router("GET /n/{a:int}/{*rest}", "GET /n/{b:long}", "GET /m/{a:int}/x/{*rest}", "GET /m/{b:long}/{c}/y", "GET /k/{a:long}/z", "GET /k/{b:int}/z/{*rest}");

        AssertFound(router, "GET", "/n/7", "/n/{b:long}", "7");
        AssertFound(router, "GET", "/n/7/q", "/n/{a:int}/{*rest}", "7", "q");
        AssertFound(router, "GET", "/m/7/x/y", "/m/{a:int}/x/{*rest}", "7", "y");
        AssertFound(router, "GET", "/m/7/w/y", "/m/{b:long}/{c}/y", "7", "w");
        AssertFound(router, "GET", "/k/7/z", "/k/{a:long}/z", "7");
    }

    /// <summary>Builds a router over routes written as <c>METHOD /template</c>, in this order (no implicit HEAD).</summary>
    protected IRouter Router(params string[] routes) => CreateRouter(Table(routes));

    /// <summary>Builds a table of routes written as <c>METHOD /template</c>; a GET also answers HEAD, as in the core.</summary>
    protected static RouteTable Table(params string[] routes) =>
        RouteSets.BuildTable(routes.Select(r => r.Split(' ', 2)).Select(p => (p[0], p[1])));

    /// <summary>Asserts a match of <paramref name="template"/> for <paramref name="method"/> with these parameter values.</summary>
    protected static void AssertFound(IRouter router, string method, string path, string template, params string[] values)
    {
        ArgumentNullException.ThrowIfNull(router);
        var buffer = new Range[router.Table.MaxParameterCount];
        var match = router.Match(method, path, buffer);

        Assert.True(match.Kind == RouteMatchKind.Found, $"{method} {path} gave {match}, expected {template}");
        Assert.Equal(template, match.Route!.Template.Text);
        Assert.Equal(method, match.Route.Method);
        Assert.Null(match.Allowed);
        Assert.Equal(values, Texts(path, buffer[..values.Length]));
    }

    /// <summary>Asserts a 404 (or, with <paramref name="expectAllowed"/>, a 405 with that <c>Allow</c>).</summary>
    protected static void AssertNotFound(IRouter router, string method, string path, string? expectAllowed = null)
    {
        ArgumentNullException.ThrowIfNull(router);
        if (expectAllowed is not null)
        {
            AssertMethodNotAllowed(router, method, path, expectAllowed);
            return;
        }

        var match = router.Match(method, path, new Range[router.Table.MaxParameterCount]);

        Assert.True(match == RouteMatch.NotFound, $"{method} {path} gave {match}, expected NotFound");
    }

    /// <summary>Asserts a 405 whose <c>Allow</c> value is <paramref name="allow"/>.</summary>
    protected static void AssertMethodNotAllowed(IRouter router, string method, string path, string allow)
    {
        ArgumentNullException.ThrowIfNull(router);
        var match = router.Match(method, path, new Range[router.Table.MaxParameterCount]);

        Assert.True(match.Kind == RouteMatchKind.MethodNotAllowed, $"{method} {path} gave {match}, expected 405 {allow}");
        Assert.Null(match.Route);
        Assert.Equal(allow, match.Allowed!.HeaderValue);
    }

    private static IEnumerable<string[]> Permutations(string[] items)
    {
        if (items.Length <= 1)
        {
            yield return items;
            yield break;
        }

        for (var i = 0; i < items.Length; i++)
        {
            foreach (var rest in Permutations([.. items[..i], .. items[(i + 1)..]]))
            {
                yield return [items[i], .. rest];
            }
        }
    }

    private static string[] Texts(string path, ReadOnlySpan<Range> ranges)
    {
        var texts = new string[ranges.Length];
        for (var i = 0; i < ranges.Length; i++)
        {
            texts[i] = path[ranges[i]];
        }

        return texts;
    }
}
