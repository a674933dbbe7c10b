using Pulya.Routing;

namespace Pulya.Abstractions.Tests.Routing;

public sealed class RouteTemplateTests
{
    [Fact]
    public void Root_template_has_no_segments()
    {
        var template = RouteTemplate.Parse("/");

        Assert.Empty(template.Segments);
        Assert.True(template.IsStatic);
        Assert.False(template.HasCatchAll);
    }

    [Fact]
    public void Parses_literals_typed_parameters_and_catch_all()
    {
        var template = RouteTemplate.Parse("/users/{id:int}/{name}/{when:long}/{key:guid}/{flag:bool}/{*rest}");

        Assert.Equal(["id", "name", "when", "key", "flag", "rest"], template.ParameterNames);
        Assert.Equal(RouteSegmentKind.Literal, template.Segments[0].Kind);
        Assert.Equal("users", template.Segments[0].Value);
        Assert.Equal("int", template.Segments[1].Constraint.Text);
        Assert.Same(RouteConstraint.None, template.Segments[2].Constraint);
        Assert.Equal("long", template.Segments[3].Constraint.Text);
        Assert.Equal("guid", template.Segments[4].Constraint.Text);
        Assert.Equal("bool", template.Segments[5].Constraint.Text);
        Assert.Equal(RouteSegmentKind.CatchAll, template.Segments[6].Kind);
        Assert.True(template.HasCatchAll);
        Assert.False(template.IsStatic);
        Assert.Equal("/users/{id:int}/{name}/{when:long}/{key:guid}/{flag:bool}/{*rest}", template.ToString());
        Assert.Equal("{id:int}|{name}|{*rest}|users", string.Join('|', template.Segments[1], template.Segments[2], template.Segments[6], template.Segments[0]));
    }

    [Fact]
    public void Trailing_slash_is_an_empty_last_literal()
    {
        var template = RouteTemplate.Parse("/headers/");

        Assert.Equal(2, template.Segments.Count);
        Assert.Equal(string.Empty, template.Segments[1].Value);
        Assert.Equal(RouteSegmentKind.Literal, template.Segments[1].Kind);
    }

    [Theory]
    [InlineData("", "must start with '/'")]
    [InlineData("users", "must start with '/'")]
    [InlineData("/a//b", "empty segment")]
    [InlineData("/{*rest}/more", "must be the last segment")]
    [InlineData("/{id}/{id}", "used twice")]
    [InlineData("/{id:number}", "parameter 'id': unknown constraint 'number' (expected int, long, guid, bool, decimal")]
    [InlineData("/{id:}", "empty constraint")]
    [InlineData("/{id:int:}", "empty constraint")]
    [InlineData("/{id:int(3)}", "'int' takes no argument")]
    [InlineData("/{id:min}", "'min' needs an argument, e.g. 'min(1)'")]
    [InlineData("/{id:min(x)}", "'min(x)' must be a whole number")]
    [InlineData("/{id:max(1.5)}", "'max(1.5)' must be a whole number")]
    [InlineData("/{id:range(1)}", "'range(1)' needs two arguments, e.g. 'range(1,100)'")]
    [InlineData("/{id:range(9,1)}", "minimum above its maximum")]
    [InlineData("/{id:length(-1)}", "must be a length")]
    [InlineData("/{id:length(5,2)}", "minimum above its maximum")]
    [InlineData("/{id:minlength(a)}", "must be a length")]
    [InlineData("/{id:regex(()}", "not a valid regular expression")]
    [InlineData("/{id:min(1}", "no closing ')'")]
    [InlineData("/{id:regex}", "'regex' needs an argument, e.g. 'regex(^[a-z]+$)'")]
    [InlineData("/{id:length}", "e.g. 'length(8) or length(1,20)'")]
    [InlineData("/{*rest:int}", "cannot have a constraint")]
    [InlineData("/{a{b}", "either a literal or exactly one parameter")]
    [InlineData("/file.{ext}", "either a literal or exactly one parameter")]
    [InlineData("/{a}{b}", "either a literal or exactly one parameter")]
    [InlineData("/{a", "either a literal or exactly one parameter")]
    [InlineData("/a}", "either a literal or exactly one parameter")]
    [InlineData("/{}", "has no name")]
    [InlineData("/{*}", "has no name")]
    [InlineData("/{na-me}", "may only contain")]
    public void Refuses_malformed_templates_with_a_reason(string text, string reason)
    {
        var error = Assert.Throws<RouteTemplateException>(() => RouteTemplate.Parse(text));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.Equal(text, error.Template);
    }

    [Theory]
    [InlineData("/users/{id}", "/users/{name}", true)]
    [InlineData("/users/{id:int}", "/users/{name:int}", true)]
    [InlineData("/users/{id:int}", "/users/{name}", false)]
    [InlineData("/users/{id:min(1)}", "/users/{name:MIN(1)}", true)]
    [InlineData("/users/{id:min(1)}", "/users/{name:min(2)}", false)]
    [InlineData("/users/{id:int:min(1)}", "/users/{name:int}", false)]
    [InlineData("/users/{id}", "/users/{id}/x", false)]
    [InlineData("/users/a", "/users/b", false)]
    [InlineData("/users/{*a}", "/users/{*b}", true)]
    [InlineData("/users/{a}", "/users/{*b}", false)]
    public void Same_shape_ignores_parameter_names(string left, string right, bool same)
    {
        Assert.Equal(same, RouteTemplate.Parse(left).HasSameShape(RouteTemplate.Parse(right)));
    }

    [Fact]
    public void Segments_compare_by_kind_value_and_constraint()
    {
        var a = RouteTemplate.Parse("/{id:int}").Segments[0];
        var b = RouteTemplate.Parse("/x/{id:int}").Segments[1];
        var c = RouteTemplate.Parse("/{id}").Segments[0];

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.True(a.Equals((object)b));
        Assert.NotEqual(a, c);
        Assert.False(a.Equals(null));
        Assert.True(a.IsParameter);
    }

    [Fact]
    public void Parses_every_constraint_kind_with_its_arguments()
    {
        var template = RouteTemplate.Parse(
            "/{a:INT:Min(1)}/{b:max(-5)}/{c:range(1,10)}/{d:length(3)}/{e:length(2,4)}/{f:minlength(2)}/{g:maxlength(8)}" +
            "/{h:alpha}/{i:decimal}/{j:double}/{k:float}/{l:datetime}/{m:regex(^(a|b)-\\d{{2}}$)}");

        Assert.Equal(
            ["int:min(1)", "max(-5)", "range(1,10)", "length(3)", "length(2,4)", "minlength(2)", "maxlength(8)", "alpha", "decimal", "double", "float", "datetime", "regex(^(a|b)-\\d{2}$)"],
            template.Segments.Select(s => s.Constraint.Text));
        Assert.Equal("{m:regex(^(a|b)-\\d{{2}}$)}", template.Segments[^1].ToString());
    }

    [Fact]
    public void Null_arguments_are_refused()
    {
        Assert.Throws<ArgumentNullException>(() => RouteTemplate.Parse(null!));
        Assert.Throws<ArgumentNullException>(() => RouteTemplate.Parse("/").HasSameShape(null!));
        Assert.Throws<ArgumentNullException>(() => RouteTemplate.Parse("/a").Segments[0].HasSameShape(null!));
    }
}
