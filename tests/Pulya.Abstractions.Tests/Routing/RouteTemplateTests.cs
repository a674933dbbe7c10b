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
        Assert.Equal(RouteConstraint.Int, template.Segments[1].Constraint);
        Assert.Equal(RouteConstraint.None, template.Segments[2].Constraint);
        Assert.Equal(RouteConstraint.Long, template.Segments[3].Constraint);
        Assert.Equal(RouteConstraint.Guid, template.Segments[4].Constraint);
        Assert.Equal(RouteConstraint.Bool, template.Segments[5].Constraint);
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
    [InlineData("/{id:float}", "unknown constraint 'float'")]
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
    public void Null_arguments_are_refused()
    {
        Assert.Throws<ArgumentNullException>(() => RouteTemplate.Parse(null!));
        Assert.Throws<ArgumentNullException>(() => RouteTemplate.Parse("/").HasSameShape(null!));
        Assert.Throws<ArgumentNullException>(() => RouteTemplate.Parse("/a").Segments[0].HasSameShape(null!));
    }
}
